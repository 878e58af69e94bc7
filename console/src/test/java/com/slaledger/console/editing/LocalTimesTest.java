package com.slaledger.console.editing;

import java.time.ZoneId;

import com.slaledger.console.Pages;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The forms' local date-times and the pages' instants in a contract's zone. Lisbon is WET (UTC+0)
 * in winter and WEST (UTC+1) from 01:00Z on 28 March 2027 to 01:00Z on 31 October 2027.
 */
class LocalTimesTest {

    private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");

    @Test
    void aFieldsLocalTimeIsTheInstantInTheContractsZone() {
        // 02:00 WEST = 01:00Z; 02:00 WET = 02:00Z
        assertThat(ContractActions.instant("2027-07-10T02:00", LISBON)).isEqualTo("2027-07-10T01:00:00Z");
        assertThat(ContractActions.instant("2027-01-16T02:00", LISBON)).isEqualTo("2027-01-16T02:00:00Z");
        assertThat(ContractActions.instant("2027-01-16T02:00:30", LISBON)).isEqualTo("2027-01-16T02:00:30Z");
        // and back into the field
        assertThat(MaintenanceEditor.field("2027-07-10T01:00:00Z", LISBON)).isEqualTo("2027-07-10T02:00");
        assertThat(MaintenanceEditor.field("2027-01-16T02:00:30Z", LISBON)).isEqualTo("2027-01-16T02:00:30");
    }

    @Test
    void localTimesThatDoNotExistOrExistTwice() {
        // 28 Mar 2027 01:30 does not exist in Lisbon (01:00 WET jumps to 02:00 WEST): java.time moves
        // it on by the gap, 02:30 WEST = 01:30Z
        assertThat(ContractActions.instant("2027-03-28T01:30", LISBON)).isEqualTo("2027-03-28T01:30:00Z");
        // 31 Oct 2027 01:30 happens twice (02:00 WEST falls back to 01:00 WET): the earlier, WEST,
        // 00:30Z
        assertThat(ContractActions.instant("2027-10-31T01:30", LISBON)).isEqualTo("2027-10-31T00:30:00Z");
    }

    @Test
    void whatIsNotADateTimeGoesToTheApiAsItIs() {
        assertThat(ContractActions.instant("next Sunday", LISBON)).isEqualTo("next Sunday");
        assertThat(ContractActions.instant(" ", LISBON)).isNull();
    }

    @Test
    void thePagesWriteInstantsDurationsAndMonthsAsTheNoticesDo() {
        // 01:00Z on 10 July 2027 is 02:00 WEST (+01:00); the UTC time beside it
        assertThat(Pages.local("2027-07-10T01:00:00Z", LISBON)).isEqualTo("2027-07-10 02:00:00 +01:00 (01:00:00 UTC)");
        assertThat(Pages.local("", LISBON)).isEmpty();
        // 3,900 s = 1 h 05 min; 299 s = 4 min 59 s
        assertThat(Pages.duration(3900)).isEqualTo("1 h 05 min");
        assertThat(Pages.duration(299)).isEqualTo("4 min 59 s");
        assertThat(Pages.month(java.time.YearMonth.of(2026, 11))).isEqualTo("November 2026");
    }
}
