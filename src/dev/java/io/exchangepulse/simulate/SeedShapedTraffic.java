package io.exchangepulse.simulate;

import io.exchangepulse.domain.Agency;
import io.exchangepulse.domain.CrimeArea;
import io.exchangepulse.domain.Party;
import io.exchangepulse.domain.PartyRole;
import io.exchangepulse.domain.TaskForce;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Exchanges shaped like the seed: the 2008 crime-area mix and each area's requests-to-information
 * ratio; the 2008 split between daily exchanges among members, operation exchanges and member-observer
 * exchanges; police and customs; countries weighted by how much they exchange (our choice). Operation
 * exchanges come in bursts: about 41 operations a year (as in 2008) each reach a coordinated action, and
 * for six hours most of the center's operation traffic runs among that operation's countries, as it did
 * for Tara. The same seed value gives the same traffic.
 */
public final class SeedShapedTraffic {

    /** 2008, initiated by member countries: requests and information exchanges per crime area. */
    static final Map<CrimeArea, int[]> CRIME_AREAS_2008 = new LinkedHashMap<>();

    static {
        CRIME_AREAS_2008.put(CrimeArea.HUMAN_TRAFFICKING, new int[]{58, 8});
        CRIME_AREAS_2008.put(CrimeArea.ILLEGAL_IMMIGRATION, new int[]{92, 87});
        CRIME_AREAS_2008.put(CrimeArea.DRUG_TRAFFICKING, new int[]{112, 1352});
        CRIME_AREAS_2008.put(CrimeArea.SMUGGLING_CUSTOMS_FRAUD, new int[]{274, 6061});
        CRIME_AREAS_2008.put(CrimeArea.COUNTERFEIT_CURRENCY, new int[]{11, 39});
        CRIME_AREAS_2008.put(CrimeArea.MONEY_LAUNDERING, new int[]{29, 26});
        CRIME_AREAS_2008.put(CrimeArea.STOLEN_VEHICLES, new int[]{40, 13});
        CRIME_AREAS_2008.put(CrimeArea.TERRORISM, new int[]{5, 1});
        CRIME_AREAS_2008.put(CrimeArea.CONTAINER_SECURITY, new int[]{3, 1});
        CRIME_AREAS_2008.put(CrimeArea.ECONOMIC_CRIME, new int[]{52, 4});
    }

    /** 2008 totals: members daily, members in operations, members with observers (daily). */
    static final int MEMBERS_DAILY = 8323;
    static final int MEMBERS_OPERATIONS = 495;
    static final int MEMBER_OBSERVER_DAILY = 378;
    private static final double OPERATION_SHARE = (double) MEMBERS_OPERATIONS
            / (MEMBERS_DAILY + MEMBERS_OPERATIONS + MEMBER_OBSERVER_DAILY);

    private static final Duration BURST = Duration.ofHours(6);
    private static final Duration BETWEEN_BURSTS = Duration.ofMinutes(365L * 24 * 60 / 41);
    /** During a burst, this share of exchanges belongs to the operation; outside, less, so the year's share holds. */
    private static final double IN_BURST = 0.6;
    private static final double BURST_TIME = (double) BURST.toMinutes() / BETWEEN_BURSTS.toMinutes();
    private static final double OUTSIDE_BURST = (OPERATION_SHARE - BURST_TIME * IN_BURST) / (1 - BURST_TIME);

    /** The seed's operations, and their countries, that bursts are drawn from. */
    private static final List<Operation> OPERATIONS = List.of(
            new Operation("TARA", TaskForce.HUMAN_TRAFFICKING_ILLEGAL_IMMIGRATION, List.of(Party.BA, Party.TR, Party.HR, Party.ME, Party.MK, Party.RS, Party.SI)),
            new Operation("DORA", TaskForce.HUMAN_TRAFFICKING_ILLEGAL_IMMIGRATION, List.of(Party.RS, Party.MK, Party.AL)),
            new Operation("ROTUS", TaskForce.DRUGS, List.of(Party.RO, Party.BG, Party.TR)),
            new Operation("BANKOMAT", TaskForce.FINANCIAL_COMPUTER_CRIME, List.of(Party.BG, Party.MK, Party.ME)),
            new Operation("FLASH", TaskForce.FINANCIAL_COMPUTER_CRIME, List.of(Party.MK, Party.BG)),
            new Operation("COTTON", TaskForce.SMUGGLING_CUSTOMS_FRAUD, List.of(Party.RS, Party.HU)),
            new Operation("ARKADAS", TaskForce.HUMAN_TRAFFICKING_ILLEGAL_IMMIGRATION, List.of(Party.RO, Party.TR)));

    /** How much each party exchanges, relative to the others of its side (our choice). */
    private static final Map<Party, Double> WEIGHTS = Map.ofEntries(
            Map.entry(Party.RO, 1.6), Map.entry(Party.BG, 1.4), Map.entry(Party.TR, 1.4), Map.entry(Party.RS, 1.2),
            Map.entry(Party.GR, 1.0), Map.entry(Party.HU, 1.0), Map.entry(Party.HR, 0.9), Map.entry(Party.BA, 0.9),
            Map.entry(Party.MK, 0.8), Map.entry(Party.AL, 0.8), Map.entry(Party.MD, 0.8), Map.entry(Party.SI, 0.6),
            Map.entry(Party.ME, 0.5), Map.entry(Party.DE, 1.5), Map.entry(Party.AT, 1.5), Map.entry(Party.IT, 1.5),
            Map.entry(Party.US, 1.5), Map.entry(Party.GB, 1.2), Map.entry(Party.INTERPOL, 0.5), Map.entry(Party.WCO, 0.5),
            Map.entry(Party.EUBAM, 0.5), Map.entry(Party.UNMIK, 0.5));

    /** Daily exchanges' crime areas: the 2008 table less what operation exchanges take. */
    private static final Map<CrimeArea, Double> DAILY_AREAS = dailyAreas();

    private static final Party[] MEMBERS = Arrays.stream(Party.values()).filter(Party::isMember).toArray(Party[]::new);
    private static final Party[] OTHERS = Arrays.stream(Party.values()).filter(p -> p.role() != PartyRole.MEMBER).toArray(Party[]::new);

    private record Operation(String id, TaskForce taskForce, List<Party> countries) {
    }

    private final Random random;
    private Instant burstStart;
    private Operation burstOperation;

    public SeedShapedTraffic(long seed, Instant start) {
        this.random = new Random(seed);
        scheduleBurstAfter(start);
    }

    /** The next exchange, occurring at {@code at} (non-decreasing from call to call), as the contract's JSON fields. */
    public Map<String, Object> next(Instant at) {
        while (!at.isBefore(burstStart.plus(BURST))) {
            scheduleBurstAfter(burstStart.plus(BURST));
        }
        boolean inBurst = !at.isBefore(burstStart);
        boolean operation = random.nextDouble() < (inBurst ? IN_BURST : OUTSIDE_BURST);
        Map<String, Object> exchange = operation ? operationExchange(inBurst ? burstOperation : pick(OPERATIONS))
                : dailyExchange();
        exchange.put("id", new UUID(random.nextLong(), random.nextLong()).toString());
        exchange.put("occurredAt", at.toString());
        return exchange;
    }

    /** Whether {@code at} falls in an operation's burst, and which. */
    public String burstAt(Instant at) {
        return !at.isBefore(burstStart) && at.isBefore(burstStart.plus(BURST)) ? burstOperation.id() : null;
    }

    private Map<String, Object> dailyExchange() {
        boolean withObserver = random.nextInt(MEMBERS_DAILY + MEMBER_OBSERVER_DAILY) >= MEMBERS_DAILY;
        Party from = weighted(MEMBERS);
        Party to;
        do {
            to = withObserver ? weighted(OTHERS) : weighted(MEMBERS);
        } while (to == from);
        if (withObserver && random.nextBoolean()) {
            return exchange(to, from, crimeArea(null), "DAILY", null);
        }
        return exchange(from, to, crimeArea(null), "DAILY", null);
    }

    private Map<String, Object> operationExchange(Operation operation) {
        Party from = pick(operation.countries());
        Party to;
        do {
            to = pick(operation.countries());
        } while (to == from);
        return exchange(from, to, crimeArea(operation.taskForce()), "OPERATION", operation.id());
    }

    private Map<String, Object> exchange(Party from, Party to, Object[] area, String channel, String operationId) {
        CrimeArea crimeArea = (CrimeArea) area[0];
        boolean customsArea = crimeArea == CrimeArea.SMUGGLING_CUSTOMS_FRAUD || crimeArea == CrimeArea.CONTAINER_SECURITY;
        Agency agency = customsArea == (random.nextInt(10) < 8) ? Agency.CUSTOMS : Agency.POLICE;
        Map<String, Object> exchange = new LinkedHashMap<>();
        exchange.put("id", null);
        exchange.put("occurredAt", null);
        exchange.put("from", from.name());
        exchange.put("to", to.name());
        exchange.put("agency", agency.name());
        exchange.put("kind", area[1]);
        exchange.put("channel", channel);
        exchange.put("crimeArea", crimeArea.name());
        exchange.put("operationId", operationId);
        return exchange;
    }

    /**
     * A crime area and kind: by the 2008 table within the operation's task force, or, for a daily
     * exchange, by the table less what operations take, so that all exchanges together keep the table's mix.
     */
    private Object[] crimeArea(TaskForce taskForce) {
        Map<CrimeArea, Double> weights = taskForce == null ? DAILY_AREAS : areasOf(taskForce);
        double pick = random.nextDouble() * weights.values().stream().mapToDouble(Double::doubleValue).sum();
        CrimeArea chosen = null;
        for (var entry : weights.entrySet()) {
            chosen = entry.getKey();
            pick -= entry.getValue();
            if (pick < 0) {
                break;
            }
        }
        int[] counts = CRIME_AREAS_2008.get(chosen);
        return new Object[]{chosen, random.nextInt(counts[0] + counts[1]) < counts[0] ? "REQUEST" : "INFORMATION"};
    }

    /** The 2008 shares of the areas of one task force (an area's weight is its share of all exchanges). */
    private static Map<CrimeArea, Double> areasOf(TaskForce taskForce) {
        double total = CRIME_AREAS_2008.values().stream().mapToInt(c -> c[0] + c[1]).sum();
        Map<CrimeArea, Double> weights = new LinkedHashMap<>();
        CRIME_AREAS_2008.forEach((area, counts) -> {
            if (taskForce == null || area.taskForce() == taskForce) {
                weights.put(area, (counts[0] + counts[1]) / total);
            }
        });
        return weights;
    }

    private static Map<CrimeArea, Double> dailyAreas() {
        Map<CrimeArea, Double> all = areasOf(null);
        Map<CrimeArea, Double> daily = new LinkedHashMap<>(all);
        for (Operation operation : OPERATIONS) {
            Map<CrimeArea, Double> own = areasOf(operation.taskForce());
            double ownTotal = own.values().stream().mapToDouble(Double::doubleValue).sum();
            own.forEach((area, weight) -> daily.merge(area, -OPERATION_SHARE / OPERATIONS.size() * weight / ownTotal, Double::sum));
        }
        return daily;
    }

    private void scheduleBurstAfter(Instant after) {
        double gap = -Math.log(1 - random.nextDouble()) * (BETWEEN_BURSTS.toMinutes() - BURST.toMinutes());
        burstStart = after.plus(Duration.ofMinutes((long) gap));
        burstOperation = pick(OPERATIONS);
    }

    private Party weighted(Party[] parties) {
        double total = 0;
        for (Party party : parties) {
            total += WEIGHTS.getOrDefault(party, 0.7);
        }
        double pick = random.nextDouble() * total;
        for (Party party : parties) {
            pick -= WEIGHTS.getOrDefault(party, 0.7);
            if (pick < 0) {
                return party;
            }
        }
        return parties[parties.length - 1];
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
