// The moment the first screen has been drawn (main.js says so). Work that no first screen shows,
// such as drawing the catalogue's cards on the new order's third step, waits for it, so it does
// not hold up the first frame; after that moment it runs at once.

let drawn;

/** Resolved once the first screen has been drawn, or the start-up gave up trying. */
export const firstScreenDrawn = new Promise((resolve) => {
  drawn = resolve;
});

export function firstScreenIsDrawn() {
  drawn();
}
