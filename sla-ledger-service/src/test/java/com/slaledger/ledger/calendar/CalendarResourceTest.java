package com.slaledger.ledger.calendar;

import com.slaledger.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static com.slaledger.ledger.LedgerFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

/** Business calendars over HTTP (SPEC §13.1): stored, read, refused with reasons, holidays imported. */
@QuarkusTest
@QuarkusTestResource(TestTokens.class)
class CalendarResourceTest {

    static final String EU =
            """
            {"name": "EU business hours", "timezone": "Europe/Lisbon",
             "weekly": {"FRI": [["14:00", "18:00"], ["09:00", "13:00"]], "MON": [["09:00", "18:00"]]},
             "holidays": ["2027-01-01", "2026-12-25"]}
            """;

    /** Portugal's public holidays as a calendar application exports them (all-day events). */
    static final String ICS =
            """
            BEGIN:VCALENDAR\r
            PRODID:-//Google Inc//Google Calendar 70.9054//EN\r
            VERSION:2.0\r
            CALSCALE:GREGORIAN\r
            METHOD:PUBLISH\r
            X-WR-CALNAME:Holidays in Portugal\r
            BEGIN:VEVENT\r
            DTSTART;VALUE=DATE:20261208\r
            DTEND;VALUE=DATE:20261209\r
            DTSTAMP:20261126T120000Z\r
            UID:20261208_pt@google.com\r
            SUMMARY:Immaculate Conception\r
            TRANSP:TRANSPARENT\r
            END:VEVENT\r
            BEGIN:VEVENT\r
            DTSTART;VALUE=DATE:20261224\r
            DTEND;VALUE=DATE:20261226\r
            DTSTAMP:20261126T120000Z\r
            UID:20261224_pt@google.com\r
            SUMMARY:Christmas Eve and Christmas Day\r
            END:VEVENT\r
            BEGIN:VEVENT\r
            DTSTART:20261210T100000Z\r
            DTEND:20261210T110000Z\r
            DTSTAMP:20261126T120000Z\r
            UID:meeting@example.com\r
            SUMMARY:A meeting is not a holiday\r
            END:VEVENT\r
            END:VCALENDAR\r
            """;

    @Test
    void aCalendarIsStoredCanonicallyAndRead() {
        String id = unique("eu");
        given().contentType("application/json")
                .body(EU)
                .when()
                .put("/api/v1/calendars/{id}", id)
                .then()
                .statusCode(201)
                .body("calendarId", equalTo(id))
                .body("timezone", equalTo("Europe/Lisbon"))
                // intervals sorted, days in week order, holidays in date order
                .body("weekly.FRI[0]", contains("09:00", "13:00"))
                .body("holidays", contains("2026-12-25", "2027-01-01"));
        given().contentType("application/json")
                .body(EU)
                .when()
                .put("/api/v1/calendars/{id}", id)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(TestTokens.token("viewer"))
                .when()
                .get("/api/v1/calendars/{id}", id)
                .then()
                .statusCode(200)
                .body("name", equalTo("EU business hours"))
                .body("weekly.MON[0]", contains("09:00", "18:00"));
        given().when()
                .get("/api/v1/audit?limit=1000")
                .then()
                .statusCode(200)
                .body("resource", hasItem("calendar/" + id));
    }

    @Test
    void twentyFourSevenIsBuiltInAndCannotBeChanged() {
        given().when()
                .get("/api/v1/calendars/24x7")
                .then()
                .statusCode(200)
                .body("weekly.SUN[0]", contains("00:00", "24:00"));
        given().contentType("application/json")
                .body(EU)
                .when()
                .put("/api/v1/calendars/24x7")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("calendarId"));
    }

    @Test
    void aBadCalendarIsA400NamingEveryField_andChangesNothing() {
        String id = unique("bad");
        given().contentType("application/json")
                .body(
                        """
                        {"name": "Bad", "timezone": "Europe/Atlantis",
                         "weekly": {"MONDAY": [["09:00", "18:00"]], "TUE": [["18:00", "09:00"]],
                                    "WED": [["09:00", "13:00"], ["12:00", "18:00"]], "THU": [["9:00", "25:00"]]},
                         "holidays": ["2026-13-01"]}
                        """)
                .when()
                .put("/api/v1/calendars/{id}", id)
                .then()
                .statusCode(400)
                .body(
                        "violations.field",
                        hasItems(
                                "timezone",
                                "weekly.MONDAY",
                                "weekly.TUE[0]",
                                "weekly.WED",
                                "weekly.THU[0]",
                                "holidays[0]"));
        given().when().get("/api/v1/calendars/{id}", id).then().statusCode(404);
    }

    @Test
    void onlyOperatorsWriteCalendars_customersDoNotReadThem() {
        String id = unique("eu");
        given().auth()
                .oauth2(TestTokens.token("viewer"))
                .contentType("application/json")
                .body(EU)
                .when()
                .put("/api/v1/calendars/{id}", id)
                .then()
                .statusCode(403);
        given().auth().none().when().get("/api/v1/calendars/24x7").then().statusCode(401);
        given().auth()
                .oauth2(TestTokens.token("customer"))
                .when()
                .get("/api/v1/calendars/24x7")
                .then()
                .statusCode(403);
    }

    @Test
    void theAllDayEventsOfAnICalendarFileBecomeHolidays() {
        String id = unique("pt");
        given().contentType("application/json")
                .body(EU)
                .when()
                .put("/api/v1/calendars/{id}", id)
                .then()
                .statusCode(201);
        given().contentType("text/calendar")
                .body(ICS)
                .when()
                .put("/api/v1/calendars/{id}/holidays", id)
                .then()
                .statusCode(200)
                .body("holidays", contains("2026-12-08", "2026-12-24", "2026-12-25", "2027-01-01"));
        given().contentType("text/calendar")
                .body("this is not a calendar")
                .when()
                .put("/api/v1/calendars/{id}/holidays", id)
                .then()
                .statusCode(400);
        given().contentType("text/calendar")
                .body(ICS)
                .when()
                .put("/api/v1/calendars/{id}/holidays", unique("missing"))
                .then()
                .statusCode(404);
    }

    /** A contract's support targets name a calendar that must exist (SPEC §13.2); its duties are kept. */
    @Test
    void aContractsSupportCalendarMustExist() {
        String calendar = unique("office");
        String contract = unique("support");
        String body =
                """
                {"customer": {"name": "Acme Ltd", "noticeEmails": ["sla@acme.example"]},
                 "services": ["api"], "policy": "PROVIDER_MONITORED", "uptimeTargetPercent": 99.9,
                 "support": {"calendar": "%s",
                             "targets": [{"priority": "P1", "firstResponse": "PT30M", "resolution": "PT4H", "percentMet": 95}]},
                 "duties": [{"dutyId": "db-backup", "name": "Nightly database backup", "every": "P1D",
                             "grace": "PT2H", "since": "2026-10-01T00:00:00Z"}]}
                """
                        .formatted(calendar);
        given().contentType("application/json")
                .body(body)
                .when()
                .put("/api/v1/contracts/{id}", contract)
                .then()
                .statusCode(422)
                .body("violations.field", hasItem("support.calendar"));
        given().contentType("application/json")
                .body(EU)
                .when()
                .put("/api/v1/calendars/{id}", calendar)
                .then()
                .statusCode(201);
        given().contentType("application/json")
                .body(body)
                .when()
                .put("/api/v1/contracts/{id}", contract)
                .then()
                .statusCode(201);
        given().when()
                .get("/api/v1/contracts/{id}", contract)
                .then()
                .statusCode(200)
                .body("support.calendar", equalTo(calendar))
                .body("support.targets[0].firstResponse", equalTo("PT30M"))
                .body("duties[0].dutyId", equalTo("db-backup"))
                .body("duties[0].every", equalTo("PT24H"));
    }
}
