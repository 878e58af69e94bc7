package com.slaledger.ticket.helpdesk;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The help desks' priorities onto SPEC §5.2's P1-P4, as docs/intake.md tables them. */
class HelpdeskPriorityTest {

    @Test
    void zendeskPriorities() {
        assertThat(ZendeskMapper.priority("URGENT")).isEqualTo("P1");
        assertThat(ZendeskMapper.priority("high")).isEqualTo("P2");
        assertThat(ZendeskMapper.priority("NORMAL")).isEqualTo("P3");
        assertThat(ZendeskMapper.priority("LOW")).isEqualTo("P4");
        assertThat(ZendeskMapper.priority(null)).isEqualTo("P3");
        assertThat(ZendeskMapper.priority("SOMETHING")).isEqualTo("P3");
    }

    @Test
    void jiraPriorities() {
        assertThat(JiraMapper.priority("Highest")).isEqualTo("P1");
        assertThat(JiraMapper.priority("Blocker")).isEqualTo("P1");
        assertThat(JiraMapper.priority("Critical")).isEqualTo("P1");
        assertThat(JiraMapper.priority("High")).isEqualTo("P2");
        assertThat(JiraMapper.priority("Major")).isEqualTo("P2");
        assertThat(JiraMapper.priority("Medium")).isEqualTo("P3");
        assertThat(JiraMapper.priority("Low")).isEqualTo("P4");
        assertThat(JiraMapper.priority("Lowest")).isEqualTo("P4");
        assertThat(JiraMapper.priority("Trivial")).isEqualTo("P4");
        assertThat(JiraMapper.priority(" p1 ")).isEqualTo("P1");
        assertThat(JiraMapper.priority(null)).isEqualTo("P3");
    }
}
