package com.slaledger.ticket.ticket;

/**
 * Where a ticket came from: part of its identity, with its contract and the help desk's own id
 * (help desks number their tickets independently, so their ids collide).
 */
public enum TicketSource {
    /** POST /api/v1/tickets. */
    API,
    /** The Zendesk webhook. */
    ZENDESK,
    /** The Jira Service Management webhook. */
    JIRA
}
