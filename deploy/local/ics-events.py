#!/usr/bin/python3
# Reads an RFC 5545 calendar on stdin with Python's icalendar library (Debian's python3-icalendar,
# independent of the ical4j that writes the ledger's feed) and prints its events as JSON lines:
# uid, start and end (UTC, ISO-8601), sequence, status, summary. Exit 1 when it does not parse.
import json
import sys

import icalendar

try:
    calendar = icalendar.Calendar.from_ical(sys.stdin.read())
except ValueError as e:
    print("not an iCalendar document: %s" % e, file=sys.stderr)
    sys.exit(1)
if calendar.name != "VCALENDAR" or str(calendar.get("VERSION")) != "2.0":
    print("not a VCALENDAR 2.0", file=sys.stderr)
    sys.exit(1)
for event in calendar.walk("VEVENT"):
    print(json.dumps({
        "uid": str(event["UID"]),
        "start": event.decoded("DTSTART").isoformat(),
        "end": event.decoded("DTEND").isoformat(),
        "sequence": int(event.get("SEQUENCE", 0)),
        "status": str(event.get("STATUS", "")),
        "summary": str(event.get("SUMMARY", "")),
    }))
