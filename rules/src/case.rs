//! Lower case for the letters people write here: Latin (ASCII, Latin-1, Latin Extended-A)
//! and Cyrillic with the Kazakh letters (U+0400–U+052F).
//!
//! `char::to_lowercase` links the whole Unicode case table (about 12 KB in every wasm
//! bundle that calls it, and its upper-case twin as much again). What the rules lower-case —
//! the matter's words (R3.c), an e-mail's domain, a directory search — is written in Kazakh,
//! Russian or English, so these ranges are enough; any other letter is kept as it is (an
//! e-mail domain in Greek, say, keeps its capitals). The tests check every covered letter
//! against `char::to_lowercase`.

/// The lower-case form of `c`, or `c` itself outside the covered ranges.
pub fn lower(c: char) -> char {
    let u = u32::from(c);
    let l = match u {
        0x41..=0x5A => u + 0x20,
        0xC0..=0xDE if u != 0xD7 => u + 0x20,
        // Latin Extended-A pairs even → odd, except ĸ, ŉ (no upper case), and the odd → even
        // runs. The dotted İ (Kazakh Latin) is i: Unicode adds a combining dot, which no
        // search or comparison here wants.
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 if u % 2 == 0 => u + 1,
        0x130 => 0x69,
        0x139..=0x148 | 0x179..=0x17E if u % 2 == 1 => u + 1,
        0x178 => 0xFF,
        // Cyrillic: Ѐ–Џ, А–Я, then the pairs of the extended letters (Kazakh ә ғ қ ң ө ұ ү
        // һ і among them).
        0x400..=0x40F => u + 0x50,
        0x410..=0x42F => u + 0x20,
        0x460..=0x481 | 0x48A..=0x4BF | 0x4D0..=0x52F if u % 2 == 0 => u + 1,
        0x4C0 => 0x4CF,
        0x4C1..=0x4CE if u % 2 == 1 => u + 1,
        _ => u,
    };
    char::from_u32(l).unwrap_or(c)
}

/// `s` with every letter through [`lower`].
pub fn lower_str(s: &str) -> String {
    s.chars().map(lower).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every letter of the covered ranges lower-cases as `char::to_lowercase` does.
    #[test]
    fn lower_agrees_with_unicode_over_latin_and_cyrillic() {
        let covered = (0x0..=0x17F_u32).chain(0x400..=0x52F);
        let mut checked = 0;
        for c in covered.filter_map(char::from_u32) {
            // İ lower-cases to i and a combining dot: its first char is what `lower` gives.
            let first = c.to_lowercase().next();
            assert_eq!(Some(lower(c)), first, "{c:?} (U+{:04X})", u32::from(c));
            checked += 1;
        }
        assert_eq!(checked, 688);
    }

    #[test]
    fn kazakh_and_russian_letters_lower_case() {
        assert_eq!(lower_str("ӘҒҚҢӨҰҮҺІ ЁЖ Qabyldau"), "әғқңөұүһі ёж qabyldau");
        assert_eq!(lower_str("İRGELİ"), "irgeli");
    }

    #[test]
    fn other_scripts_are_kept() {
        assert_eq!(lower_str("ΑΒΓ Ա"), "ΑΒΓ Ա");
    }
}
