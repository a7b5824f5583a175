package io.exchangepulse.domain;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The parties that exchange through the center: ISO 3166-1 alpha-2 codes for states, names for the
 * organisations. Only member states make an exchange {@link Scope#MEMBERS}; everyone else counts as an
 * observer.
 */
public enum Party {
    AL("Albania", PartyRole.MEMBER),
    BA("Bosnia and Herzegovina", PartyRole.MEMBER),
    BG("Bulgaria", PartyRole.MEMBER),
    HR("Croatia", PartyRole.MEMBER),
    GR("Greece", PartyRole.MEMBER),
    HU("Hungary", PartyRole.MEMBER),
    MD("Moldova", PartyRole.MEMBER),
    MK("North Macedonia", PartyRole.MEMBER),
    ME("Montenegro", PartyRole.MEMBER),
    RO("Romania", PartyRole.MEMBER),
    RS("Serbia", PartyRole.MEMBER),
    SI("Slovenia", PartyRole.MEMBER),
    TR("Turkey", PartyRole.MEMBER),
    GE("Georgia", PartyRole.APPLICANT),
    AT("Austria", PartyRole.OBSERVER),
    AZ("Azerbaijan", PartyRole.OBSERVER),
    BE("Belgium", PartyRole.OBSERVER),
    CA("Canada", PartyRole.OBSERVER),
    CZ("Czech Republic", PartyRole.OBSERVER),
    FR("France", PartyRole.OBSERVER),
    DE("Germany", PartyRole.OBSERVER),
    IL("Israel", PartyRole.OBSERVER),
    IT("Italy", PartyRole.OBSERVER),
    JP("Japan", PartyRole.OBSERVER),
    NL("Netherlands", PartyRole.OBSERVER),
    PL("Poland", PartyRole.OBSERVER),
    PT("Portugal", PartyRole.OBSERVER),
    SK("Slovakia", PartyRole.OBSERVER),
    ES("Spain", PartyRole.OBSERVER),
    UA("Ukraine", PartyRole.OBSERVER),
    GB("United Kingdom", PartyRole.OBSERVER),
    US("United States", PartyRole.OBSERVER),
    INTERPOL("Interpol", PartyRole.ORGANISATION),
    WCO("World Customs Organization", PartyRole.ORGANISATION),
    EUBAM("EU Border Assistance Mission", PartyRole.ORGANISATION),
    UNMIK("UN Mission in Kosovo", PartyRole.ORGANISATION);

    private static final Map<String, Party> BY_CODE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Party::name, Function.identity()));

    private final String displayName;
    private final PartyRole role;

    Party(String displayName, PartyRole role) {
        this.displayName = displayName;
        this.role = role;
    }

    public String displayName() {
        return displayName;
    }

    public PartyRole role() {
        return role;
    }

    public boolean isMember() {
        return role == PartyRole.MEMBER;
    }

    public static Optional<Party> fromCode(String code) {
        return Optional.ofNullable(BY_CODE.get(code));
    }
}
