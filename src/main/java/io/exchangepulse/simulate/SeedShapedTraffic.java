package io.exchangepulse.simulate;

import io.exchangepulse.domain.Agency;
import io.exchangepulse.domain.CrimeArea;
import io.exchangepulse.domain.Party;
import io.exchangepulse.domain.PartyRole;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Exchanges shaped like the seed's 2008 figures: the crime-area mix and its requests-to-information
 * ratio, and the split between daily exchanges among members, operation exchanges and member-observer
 * exchanges. The same seed value gives the same traffic.
 */
public final class SeedShapedTraffic {

    /** 2008, initiated by member countries: requests and information exchanges per crime area. */
    private static final Map<CrimeArea, int[]> CRIME_AREAS_2008 = new LinkedHashMap<>();

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

    /** 2008 totals: members daily, members in operations, members with observers. */
    private static final int MEMBERS_DAILY = 8323;
    private static final int MEMBERS_OPERATIONS = 495;
    private static final int MEMBER_OBSERVER_DAILY = 378;

    private static final List<String> OPERATIONS = List.of("TARA", "DORA", "ROTUS", "BANKOMAT", "FLASH", "COTTON");

    private static final Party[] MEMBERS = Arrays.stream(Party.values()).filter(Party::isMember).toArray(Party[]::new);
    private static final Party[] OTHERS = Arrays.stream(Party.values()).filter(p -> p.role() != PartyRole.MEMBER)
            .toArray(Party[]::new);

    private final Random random;
    private final int crimeTotal;

    public SeedShapedTraffic(long seed) {
        this.random = new Random(seed);
        this.crimeTotal = CRIME_AREAS_2008.values().stream().mapToInt(c -> c[0] + c[1]).sum();
    }

    /** The next exchange, as the JSON fields of the ingest contract. */
    public Map<String, Object> next(Instant occurredAt) {
        int pick = random.nextInt(crimeTotal);
        CrimeArea area = null;
        boolean request = false;
        for (var entry : CRIME_AREAS_2008.entrySet()) {
            int[] counts = entry.getValue();
            if (pick < counts[0] + counts[1]) {
                area = entry.getKey();
                request = pick < counts[0];
                break;
            }
            pick -= counts[0] + counts[1];
        }
        int scopePick = random.nextInt(MEMBERS_DAILY + MEMBERS_OPERATIONS + MEMBER_OBSERVER_DAILY);
        boolean operation = scopePick >= MEMBERS_DAILY && scopePick < MEMBERS_DAILY + MEMBERS_OPERATIONS;
        boolean withObserver = scopePick >= MEMBERS_DAILY + MEMBERS_OPERATIONS;
        Party from = MEMBERS[random.nextInt(MEMBERS.length)];
        Party to;
        do {
            to = withObserver ? OTHERS[random.nextInt(OTHERS.length)] : MEMBERS[random.nextInt(MEMBERS.length)];
        } while (to == from);
        if (withObserver && random.nextBoolean()) {
            Party swap = from;
            from = to;
            to = swap;
        }
        boolean customsArea = area == CrimeArea.SMUGGLING_CUSTOMS_FRAUD || area == CrimeArea.CONTAINER_SECURITY;
        Agency agency = customsArea == (random.nextInt(10) < 8) ? Agency.CUSTOMS : Agency.POLICE;

        Map<String, Object> exchange = new LinkedHashMap<>();
        exchange.put("id", new UUID(random.nextLong(), random.nextLong()).toString());
        exchange.put("occurredAt", occurredAt.toString());
        exchange.put("from", from.name());
        exchange.put("to", to.name());
        exchange.put("agency", agency.name());
        exchange.put("kind", request ? "REQUEST" : "INFORMATION");
        exchange.put("channel", operation ? "OPERATION" : "DAILY");
        exchange.put("crimeArea", area.name());
        exchange.put("operationId", operation ? OPERATIONS.get(random.nextInt(OPERATIONS.size())) : null);
        return exchange;
    }
}
