// The time zones the profile offers: Brussels first (OSO's default, and most customers'), then
// the zones of OSO's neighbours and of the places customers most often order from abroad. The
// service accepts any IANA name; a zone chosen elsewhere that is not listed here is added to the
// list of the login that has it, so saving the form never changes it unasked.

export const DEFAULT_TIME_ZONE = "Europe/Brussels";

const OFFERED = [
  DEFAULT_TIME_ZONE,
  "Europe/Amsterdam",
  "Europe/Luxembourg",
  "Europe/Paris",
  "Europe/Berlin",
  "Europe/London",
  "Europe/Dublin",
  "Europe/Lisbon",
  "Europe/Madrid",
  "Europe/Rome",
  "Europe/Zurich",
  "Europe/Vienna",
  "Europe/Copenhagen",
  "Europe/Stockholm",
  "Europe/Oslo",
  "Europe/Helsinki",
  "Europe/Warsaw",
  "Europe/Prague",
  "Europe/Budapest",
  "Europe/Bucharest",
  "Europe/Athens",
  "Europe/Istanbul",
  "Africa/Casablanca",
  "Africa/Kinshasa",
  "Africa/Johannesburg",
  "Asia/Dubai",
  "Asia/Kolkata",
  "Asia/Singapore",
  "Asia/Shanghai",
  "Asia/Hong_Kong",
  "Asia/Tokyo",
  "Australia/Sydney",
  "America/Toronto",
  "America/New_York",
  "America/Chicago",
  "America/Denver",
  "America/Los_Angeles",
  "America/Sao_Paulo",
  "UTC",
];

/** "America/New_York" as people read it: "America/New York". */
function readable(zone) {
  return zone.replaceAll("_", " ");
}

/** Fills `select` with the offered zones (and `current` when it is not one of them), and
 * selects `current` or Brussels. */
export function fillTimeZones(select, current) {
  const chosen = current || DEFAULT_TIME_ZONE;
  const zones = OFFERED.includes(chosen) ? OFFERED : [chosen, ...OFFERED];
  select.replaceChildren(
    ...zones.map((zone) => {
      const option = document.createElement("option");
      option.value = zone;
      option.textContent = readable(zone);
      return option;
    }),
  );
  select.value = chosen;
}
