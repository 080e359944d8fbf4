// A person for the specs that book: a valid IIN, random so that runs and tests do not collide.

// An IIN of a man born in 1940–1999 (the 7th digit 3: the 1900s, male),
// with its check digit computed as the Rules' identity-number check does (rules::values::iin):
// the weights 1..11, and when that gives 10, the weights 3..11, 1, 2; a 10 again is no IIN.
export function randomIin(): string {
  for (;;) {
    const year = 40 + Math.floor(Math.random() * 60);
    const month = 1 + Math.floor(Math.random() * 12);
    const day = 1 + Math.floor(Math.random() * 28);
    const serial = Math.floor(Math.random() * 10000);
    const first11 =
      String(year).padStart(2, '0') +
      String(month).padStart(2, '0') +
      String(day).padStart(2, '0') +
      '3' +
      String(serial).padStart(4, '0');
    const d = first11.split('').map(Number);
    let r = d.reduce((s, x, i) => s + x * (i + 1), 0) % 11;
    if (r === 10) r = d.reduce((s, x, i) => s + x * (((i + 2) % 11) + 1), 0) % 11;
    if (r !== 10) return first11 + r;
  }
}
