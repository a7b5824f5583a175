// Bootstrap of the annual report page (/report?year=Y): read the year from the address, fetch the
// contract and the report, draw the page or one sentence about what went wrong. All the logic is in
// report-view.js; this is only what needs the browser.
import {
  failureView, loadReport, readReportYear, renderFailure, renderLoading, renderReportPage, reportPage,
} from './report-view.js';

const root = document.getElementById('report');
// Null without a year in the address: the center's current year, once the contract says its zone.
const asked = readReportYear(location.search);
const base = location.href;

// The state is mirrored on <html> too, so a test (or a print job) can wait on the document itself.
function mirrorState() {
  document.documentElement.dataset.state = root.dataset.state;
}

async function show() {
  renderLoading(root, asked);
  mirrorState();
  const outcome = await loadReport({ year: asked, base });
  const { year, currentYear } = outcome;
  if (outcome.state === 'ready') {
    try {
      const page = reportPage(outcome.report, outcome.contract, { asOf: outcome.asOf, currentYear, base });
      document.title = page.documentTitle;
      renderReportPage(root, page);
    } catch (error) {
      console.error('report: cannot draw it', error);
      renderFailure(root, failureView({ kind: 'unreadable' }, { year, currentYear, base }), { year, onRetry: show });
    }
  } else {
    console.warn(`report: ${outcome.failure.kind}${outcome.failure.detail ? ` (${outcome.failure.detail})` : ''}`);
    renderFailure(root, failureView(outcome.failure, { year, currentYear, base }), { year, onRetry: show });
  }
  mirrorState();
}

show();
