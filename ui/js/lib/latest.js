// Answers can arrive out of order (a slow list, then a quick one) or after the page moved on
// (signed out, another order opened): only the newest request's answer may be shown. One of
// these per kind of request, instead of a counter compared by hand in every page.

export function latestRequest() {
  let newest = 0;
  return {
    /** A new request: answers to every earlier one are stale from now on. */
    begin() {
      const mine = ++newest;
      return () => mine === newest;
    },
    /** The request already under way (an autosave between two resets, say), not a new one. */
    join() {
      const mine = newest;
      return () => mine === newest;
    },
    /** Every answer still on its way is stale. */
    forget() {
      newest += 1;
    },
  };
}
