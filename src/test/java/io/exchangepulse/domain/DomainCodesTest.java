package io.exchangepulse.domain;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class DomainCodesTest {

    @Test
    void theCenterHas13MembersOneApplicant18OtherObserverStatesAndFourOrganisations() {
        assertThat(Arrays.stream(Party.values()).filter(Party::isMember)).hasSize(13);
        assertThat(Arrays.stream(Party.values()).filter(p -> p.role() == PartyRole.APPLICANT)).containsExactly(Party.GE);
        // Georgia is both applicant and observer: 19 observer states in all.
        assertThat(Arrays.stream(Party.values()).filter(p -> p.role() == PartyRole.OBSERVER)).hasSize(18);
        assertThat(Arrays.stream(Party.values()).filter(p -> p.role() == PartyRole.ORGANISATION)).hasSize(4);
    }

    @Test
    void crimeAreasMapToTheTaskForcesOfDomainMd() {
        assertThat(CrimeArea.HUMAN_TRAFFICKING.taskForce()).isEqualTo(TaskForce.HUMAN_TRAFFICKING_ILLEGAL_IMMIGRATION);
        assertThat(CrimeArea.ILLEGAL_IMMIGRATION.taskForce()).isEqualTo(TaskForce.HUMAN_TRAFFICKING_ILLEGAL_IMMIGRATION);
        assertThat(CrimeArea.COUNTERFEIT_CURRENCY.taskForce()).isEqualTo(TaskForce.FINANCIAL_COMPUTER_CRIME);
        assertThat(CrimeArea.MONEY_LAUNDERING.taskForce()).isEqualTo(TaskForce.FINANCIAL_COMPUTER_CRIME);
        assertThat(CrimeArea.ECONOMIC_CRIME.taskForce()).isEqualTo(TaskForce.FINANCIAL_COMPUTER_CRIME);
        assertThat(CrimeArea.ENVIRONMENTAL_CRIME.taskForce()).isEqualTo(TaskForce.ENVIRONMENT_NATURE);
        assertThat(CrimeArea.DRUG_TRAFFICKING.taskForce()).isEqualTo(TaskForce.DRUGS);
        assertThat(CrimeArea.SMUGGLING_CUSTOMS_FRAUD.taskForce()).isEqualTo(TaskForce.SMUGGLING_CUSTOMS_FRAUD);
        assertThat(CrimeArea.STOLEN_VEHICLES.taskForce()).isEqualTo(TaskForce.STOLEN_VEHICLES);
        assertThat(CrimeArea.TERRORISM.taskForce()).isEqualTo(TaskForce.TERRORISM);
        assertThat(CrimeArea.CONTAINER_SECURITY.taskForce()).isEqualTo(TaskForce.CONTAINER_SECURITY);
        assertThat(Arrays.stream(CrimeArea.values()).map(CrimeArea::taskForce).distinct()).hasSize(8);
    }

    @Test
    void scopeFollowsFromTheParties() {
        assertThat(Scope.of(Party.RO, Party.BG)).contains(Scope.MEMBERS);
        assertThat(Scope.of(Party.RO, Party.AT)).contains(Scope.MEMBER_OBSERVER);
        assertThat(Scope.of(Party.WCO, Party.TR)).contains(Scope.MEMBER_OBSERVER);
        assertThat(Scope.of(Party.AT, Party.DE)).isEmpty();
    }

    @Test
    void anOperationsStatusNeverMovesBack() {
        assertThat(OperationStatus.OPEN.after(OperationEventType.COORDINATED_ACTION)).isEqualTo(OperationStatus.ACTION_TAKEN);
        assertThat(OperationStatus.ACTION_TAKEN.after(OperationEventType.OPERATIONAL_MEETING)).isEqualTo(OperationStatus.ACTION_TAKEN);
        assertThat(OperationStatus.ACTION_TAKEN.after(OperationEventType.CLOSED)).isEqualTo(OperationStatus.CLOSED);
        assertThat(OperationStatus.CLOSED.after(OperationEventType.RESULT)).isEqualTo(OperationStatus.CLOSED);
    }
}
