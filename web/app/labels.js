// The center's codes and how the dashboard names them. One place, so that every view
// (and the accessible summaries) says the same thing.

// Okabe-Ito, the colour-blind-safe palette. Its black would vanish on the dark wall, so that
// slot is drawn in near-white. A glyph goes with every colour: colour is never the only cue.
export const TASK_FORCES = [
  { code: 'DRUGS', name: 'Drug trafficking', colour: '#E69F00', glyph: '●' },
  { code: 'HUMAN_TRAFFICKING_ILLEGAL_IMMIGRATION', name: 'Human trafficking & illegal immigration', colour: '#56B4E9', glyph: '▲' },
  { code: 'SMUGGLING_CUSTOMS_FRAUD', name: 'Smuggling & customs fraud', colour: '#009E73', glyph: '■' },
  { code: 'STOLEN_VEHICLES', name: 'Stolen vehicles', colour: '#F0E442', glyph: '◆' },
  { code: 'FINANCIAL_COMPUTER_CRIME', name: 'Financial & computer crime', colour: '#0072B2', glyph: '▼' },
  { code: 'TERRORISM', name: 'Terrorism', colour: '#D55E00', glyph: '★' },
  { code: 'CONTAINER_SECURITY', name: 'Container security', colour: '#CC79A7', glyph: '✚' },
  { code: 'ENVIRONMENT_NATURE', name: 'Environment & nature', colour: '#E8E8E8', glyph: '⬢' },
];

const TASK_FORCE_BY_CODE = new Map(TASK_FORCES.map((taskForce) => [taskForce.code, taskForce]));

export function taskForceInfo(code) {
  return TASK_FORCE_BY_CODE.get(code) ?? null;
}

export function isTaskForce(code) {
  return TASK_FORCE_BY_CODE.has(code);
}

// In the order of the seed's 2008 table, environmental crime (not in the seed) last.
export const CRIME_AREAS = [
  { code: 'HUMAN_TRAFFICKING', label: 'Human trafficking (THB)', taskForce: 'HUMAN_TRAFFICKING_ILLEGAL_IMMIGRATION' },
  { code: 'ILLEGAL_IMMIGRATION', label: 'Illegal immigration', taskForce: 'HUMAN_TRAFFICKING_ILLEGAL_IMMIGRATION' },
  { code: 'DRUG_TRAFFICKING', label: 'Drug trafficking', taskForce: 'DRUGS' },
  { code: 'SMUGGLING_CUSTOMS_FRAUD', label: 'Smuggling & customs fraud', taskForce: 'SMUGGLING_CUSTOMS_FRAUD' },
  { code: 'COUNTERFEIT_CURRENCY', label: 'Counterfeit currency', taskForce: 'FINANCIAL_COMPUTER_CRIME' },
  { code: 'MONEY_LAUNDERING', label: 'Money laundering', taskForce: 'FINANCIAL_COMPUTER_CRIME' },
  { code: 'STOLEN_VEHICLES', label: 'Stolen vehicles', taskForce: 'STOLEN_VEHICLES' },
  { code: 'TERRORISM', label: 'Terrorism', taskForce: 'TERRORISM' },
  { code: 'CONTAINER_SECURITY', label: 'Container security', taskForce: 'CONTAINER_SECURITY' },
  { code: 'ECONOMIC_CRIME', label: 'Economic crimes', taskForce: 'FINANCIAL_COMPUTER_CRIME' },
  { code: 'ENVIRONMENTAL_CRIME', label: 'Environmental crime', taskForce: 'ENVIRONMENT_NATURE' },
];

// Members in the order the seed lists them; the matrix reads members first, then the rest.
const MEMBERS = ['AL', 'BA', 'BG', 'HR', 'GR', 'HU', 'MD', 'MK', 'ME', 'RO', 'RS', 'SI', 'TR'];
const APPLICANTS = ['GE'];
const OBSERVERS = ['AT', 'AZ', 'BE', 'CA', 'CZ', 'FR', 'DE', 'IL', 'IT', 'JP', 'NL', 'PL', 'PT', 'SK', 'ES', 'UA', 'GB', 'US'];
const ORGANISATIONS = ['INTERPOL', 'WCO', 'EUBAM', 'UNMIK'];

const PARTY_RANK = new Map([...MEMBERS, ...APPLICANTS, ...OBSERVERS, ...ORGANISATIONS].map((code, index) => [code, index]));

// Unknown codes sort after every known party, alphabetically, so a new party still shows.
export function comparePartyCodes(a, b) {
  const rankA = PARTY_RANK.get(a) ?? Number.MAX_SAFE_INTEGER;
  const rankB = PARTY_RANK.get(b) ?? Number.MAX_SAFE_INTEGER;
  return rankA - rankB || a.localeCompare(b);
}

export function isMember(code) {
  return MEMBERS.includes(code);
}

export const OPERATION_STATUSES = {
  OPEN: { label: 'Open', glyph: '○', rank: 0 },
  ACTION_TAKEN: { label: 'Action taken', glyph: '◐', rank: 1 },
  CLOSED: { label: 'Closed', glyph: '●', rank: 2 },
};

export const OPERATION_KINDS = {
  JOINT_INVESTIGATION: 'Joint investigation',
  REGIONAL_OPERATION: 'Regional operation',
};

export const SEIZURES = {
  VEHICLES: 'vehicles',
  WEAPONS: 'weapons',
  DRUGS: 'drugs',
  CASH: 'cash',
  GOODS: 'goods',
  DOCUMENTS: 'documents',
  OTHER: 'other',
};
