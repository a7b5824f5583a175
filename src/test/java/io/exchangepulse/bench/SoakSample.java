package io.exchangepulse.bench;

import io.exchangepulse.support.PageMetrics;

import java.util.List;

/** One sample of the soak: minutes since the walls were live, each wall's page, and the service. */
record SoakSample(double minutes, List<PageMetrics> walls, SoakServiceSample service) {
}
