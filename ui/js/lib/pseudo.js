// The pseudo-locale en-XA (offered only when OSO_PSEUDO_LOCALE=1): every letter of the English
// text accented and every vowel doubled, about 40 % longer, so that text which would be clipped
// or overflow its box in a longer language shows it now. Fluent applies it to the text of the
// messages only; arguments (names, numbers) stay as they are.

const ACCENTED = Object.fromEntries(
  [..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"].map((letter, index) => [
    letter,
    [..."ȧƀƈḓḗƒɠħīĵķŀḿƞǿƥɋřşŧŭṽẇẋẏẑȦƁƇḒḖƑƓĦĪĴĶĿḾȠǾƤɊŘŞŦŬṼẆẊẎẐ"][index],
  ]),
);
const VOWELS = new Set([..."aeiouyAEIOUY"]);

/** `text` as the pseudo-locale writes it. */
export function pseudo(text) {
  let written = "";
  for (const letter of text) {
    const accented = ACCENTED[letter] ?? letter;
    written += VOWELS.has(letter) ? accented + accented : accented;
  }
  return written;
}
