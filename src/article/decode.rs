//! Bytes to text, deciding the encoding as browsers do: a byte-order mark
//! (UTF-8, UTF-16); else the charset the transport declared (an HTTP header);
//! else the charset the page declares in its first 1 KB (`<meta charset>`,
//! `<meta http-equiv="Content-Type">`, an XML declaration), in any encoding
//! `encoding_rs` knows; else UTF-8 when the bytes are UTF-8; else a guess
//! from the bytes (`chardetng`, Firefox's detector). Every rule but plain
//! UTF-8 leaves a note naming the rule that decided. Binary input is refused.

use super::LoadError;

pub(crate) struct Decoded {
    pub text: String,
    pub encoding: &'static str,
    pub notes: Vec<String>,
    /// The whole text was read for control characters and holds none (the
    /// loader's note on them then need not read it again).
    pub no_controls: bool,
}

/// How much of a file's start `binary_head` reads.
pub(crate) const HEAD_BYTES: usize = 64 * 1024;

/// A file whose first bytes (up to `HEAD_BYTES`) already say it is no text:
/// a known magic number, or a NUL byte where no byte-order mark announces
/// UTF-16. Text with a byte-order mark is left to the decoder.
pub(crate) fn binary_head(head: &[u8]) -> Option<LoadError> {
    if [&b"\xef\xbb\xbf"[..], b"\xff\xfe", b"\xfe\xff"]
        .iter()
        .any(|bom| head.starts_with(bom))
    {
        return None;
    }
    if let Some((_, what)) = MAGIC.iter().find(|(magic, _)| head.starts_with(magic)) {
        return Some(LoadError::Binary((*what).to_string()));
    }
    memchr::memchr(0, head).map(|_| LoadError::Binary("contains NUL bytes".into()))
}

/// Signatures of common binary formats, so the error can say what the file is.
const MAGIC: &[(&[u8], &str)] = &[
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip data"),
    (b"\x7fELF", "ELF executable"),
    (b"RIFF", "RIFF media"),
    (b"\x00\x00\x01\x00", "icon"),
    (b"BZh", "bzip2 data"),
    (b"\xfd7zXZ\x00", "xz data"),
    (b"7z\xbc\xaf\x27\x1c", "7-zip archive"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\xd0\xcf\x11\xe0", "MS Office document"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
];

/// `decode_declared` with no declared charset.
#[cfg(test)]
pub(crate) fn decode(bytes: Vec<u8>) -> Result<Decoded, LoadError> {
    decode_declared(bytes, None)
}

/// Decodes the bytes of a file, reusing them for the text when they are
/// UTF-8 already (no second copy of the article). A charset the transport
/// declared (an HTTP header) decides after the byte-order marks, before the
/// guesses.
pub(crate) fn decode_declared(
    mut bytes: Vec<u8>,
    declared: Option<&str>,
) -> Result<Decoded, LoadError> {
    if bytes.is_empty() {
        return Err(LoadError::Empty);
    }
    if bytes.starts_with(b"\xef\xbb\xbf") {
        bytes.drain(..3);
        return utf8(bytes, vec!["UTF-8 byte-order mark skipped".into()]);
    }
    for (bom, enc, name) in [
        (&b"\xff\xfe"[..], encoding_rs::UTF_16LE, "utf-16le"),
        (&b"\xfe\xff"[..], encoding_rs::UTF_16BE, "utf-16be"),
    ] {
        if bytes.starts_with(bom) {
            let (text, had_errors) = enc.decode_without_bom_handling(&bytes[2..]);
            let mut notes = vec![format!("decoded from {name}")];
            if had_errors {
                notes.push("some UTF-16 sequences were invalid; shown as U+FFFD".into());
            }
            return Ok(Decoded {
                text: text.into_owned(),
                encoding: name,
                notes,
                no_controls: false,
            });
        }
    }
    if let Some(e) = binary_head(&bytes[..bytes.len().min(HEAD_BYTES)]) {
        return Err(e);
    }
    if let Some(decoded) = declared.and_then(|label| transport_charset(&bytes, label)) {
        check_not_binary(&decoded.text)?;
        return Ok(decoded);
    }
    match declared_charset(&bytes) {
        Some(Declared::Known(enc, how)) if enc != encoding_rs::UTF_8 => {
            in_declared_charset(bytes, enc, how)
        }
        Some(Declared::Known(_, how)) => {
            let why = format!("declared UTF-8 in {how} but not valid UTF-8");
            utf8_or_guess(bytes, Vec::new(), &why)
        }
        Some(Declared::Unknown(label, how)) => {
            let label = crate::display::one_line(&label);
            if std::str::from_utf8(&bytes).is_ok() {
                let note = format!(
                    "the page declares an unknown charset `{label}` ({how}); read as UTF-8"
                );
                return utf8(bytes, vec![note]);
            }
            let why =
                format!("not valid UTF-8 and the declared charset `{label}` ({how}) is unknown");
            utf8_or_guess(bytes, Vec::new(), &why)
        }
        None => utf8(bytes, Vec::new()),
    }
}

/// What a page declares of its charset: one `encoding_rs` knows, or a label
/// no browser knows (ignored, but said).
pub(crate) enum Declared {
    Known(&'static encoding_rs::Encoding, &'static str),
    Unknown(String, &'static str),
}

/// Text in the encoding the page declares, unless the bytes are UTF-8 with
/// characters beyond ASCII: a page saved again as UTF-8 often keeps its old
/// declaration, and such bytes are almost never legacy text.
fn in_declared_charset(
    bytes: Vec<u8>,
    enc: &'static encoding_rs::Encoding,
    how: &str,
) -> Result<Decoded, LoadError> {
    if !bytes.is_ascii() && std::str::from_utf8(&bytes).is_ok() {
        let note = format!(
            "the page declares {} ({how}) but is valid UTF-8; read as UTF-8",
            enc.name()
        );
        return utf8(bytes, vec![note]);
    }
    let (text, had_errors) = enc.decode_without_bom_handling(&bytes);
    let mut notes = vec![format!("decoded as {}: declared in {how}", enc.name())];
    if had_errors {
        notes.push(format!(
            "some bytes are not valid {}; shown as U+FFFD",
            enc.name()
        ));
    }
    check_not_binary(&text)?;
    Ok(Decoded {
        text: text.into_owned(),
        encoding: enc.name(),
        notes,
        no_controls: false,
    })
}

/// Decodes with the charset the transport declared (an HTTP header), unless
/// it is UTF-8 or unknown: those take the ordinary path.
fn transport_charset(bytes: &[u8], label: &str) -> Option<Decoded> {
    let enc = encoding_rs::Encoding::for_label(label.trim().as_bytes())?;
    if enc == encoding_rs::UTF_8 || enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
        return None;
    }
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    let name = enc.name();
    let mut notes = vec![format!(
        "decoded as {name}, the charset the server declared"
    )];
    if had_errors {
        notes.push(format!("some bytes are not valid {name}; shown as U+FFFD"));
    }
    Some(Decoded {
        text: text.into_owned(),
        encoding: name,
        notes,
        no_controls: false,
    })
}

fn utf8(bytes: Vec<u8>, notes: Vec<String>) -> Result<Decoded, LoadError> {
    utf8_or_guess(bytes, notes, "not valid UTF-8 and no charset declared")
}

/// UTF-8 text, else a guess whose note opens with `why`. Text that is UTF-8
/// but for a few broken sequences (a copy cut mid-character, a byte-counting
/// `fold` splitting a character) stays UTF-8, the broken bytes shown as
/// U+FFFD: read as Windows-1252, every good character of it would be mojibake.
fn utf8_or_guess(bytes: Vec<u8>, mut notes: Vec<String>, why: &str) -> Result<Decoded, LoadError> {
    let text = match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            let bytes = e.into_bytes();
            let Some(broken) = mostly_utf8(&bytes) else {
                return guessed(bytes, notes, why);
            };
            let plural = if broken == 1 { "" } else { "s" };
            notes.push(format!(
                "{why}: {broken} broken UTF-8 sequence{plural} among its characters; shown as U+FFFD"
            ));
            String::from_utf8_lossy(&bytes).into_owned()
        }
    };
    let no_controls = check_not_binary(&text)?;
    Ok(Decoded {
        text,
        encoding: "utf-8",
        notes,
        no_controls,
    })
}

/// The broken sequences of text that is otherwise UTF-8: at least four
/// characters beyond ASCII in good UTF-8 for each broken one (a character
/// split by a line break leaves up to three), and eight in all. Legacy
/// single-byte text is nearly all broken sequences as UTF-8 (`é` alone is
/// one), and the few of its letter pairs that happen to be good UTF-8
/// (`Ã©`) never reach that share.
fn mostly_utf8(bytes: &[u8]) -> Option<usize> {
    let (mut good, mut broken) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        good += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        broken += usize::from(!chunk.invalid().is_empty());
    }
    (good >= 8 && good >= 4 * broken).then_some(broken)
}

/// Legacy text with no declaration: the encoding `chardetng` finds most
/// likely (Windows-1252 for Western text, GBK, Shift_JIS, Windows-1251…).
fn guessed(bytes: Vec<u8>, mut notes: Vec<String>, why: &str) -> Result<Decoded, LoadError> {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    // The first 256 KiB are plenty to tell the script; the detector reads byte by byte.
    detector.feed(&bytes[..bytes.len().min(256 * 1024)], true);
    let enc = detector.guess(None, chardetng::Utf8Detection::Allow);
    let (text, _, had_errors) = enc.decode(&bytes);
    notes.push(format!(
        "{why}; decoded as {} (guessed from the bytes)",
        enc.name()
    ));
    if had_errors {
        notes.push(format!(
            "some bytes are not valid {}; shown as U+FFFD",
            enc.name()
        ));
    }
    check_not_binary(&text)?;
    Ok(Decoded {
        text: text.into_owned(),
        encoding: if enc == encoding_rs::UTF_8 {
            "utf-8"
        } else {
            enc.name()
        },
        notes,
        no_controls: false,
    })
}

/// The charset a page declares in its first 1 KB, and where: `<meta
/// charset>`, `<meta http-equiv="Content-Type" content="…; charset=…">` or
/// an XML declaration's `encoding`. Labels as the Encoding Standard reads them
/// (`latin1` is Windows-1252, `gb2312` is GBK, UTF-16 labels mean UTF-8 here).
/// A label no browser knows is skipped, as browsers do, and returned only
/// when no known one follows.
pub(crate) fn declared_charset(bytes: &[u8]) -> Option<Declared> {
    let head: Vec<u8> = bytes[..bytes.len().min(1024)].to_ascii_lowercase();
    let mut unknown = None;
    let mut label = |from: usize, how: &'static str| -> Option<&'static encoding_rs::Encoding> {
        let rest = &head[from..];
        let rest = &rest[rest
            .iter()
            .position(|c| !matches!(c, b' ' | b'=' | b'"' | b'\''))?..];
        let end = rest
            .iter()
            .position(|c| matches!(c, b'"' | b'\'' | b';' | b' ' | b'>' | b'/' | b'?'))
            .unwrap_or(rest.len());
        let Some(enc) = encoding_rs::Encoding::for_label(&rest[..end]) else {
            if end > 0 && unknown.is_none() {
                let text = String::from_utf8_lossy(&rest[..end.min(40)]).into_owned();
                unknown = Some(Declared::Unknown(text, how));
            }
            return None;
        };
        // A page cannot declare itself UTF-16 in ASCII bytes (as browsers rule).
        Some(enc.output_encoding())
    };
    if head.starts_with(b"<?xml") {
        let end = memchr::memmem::find(&head, b"?>").unwrap_or(head.len());
        if let Some(at) = memchr::memmem::find(&head[..end], b"encoding") {
            let how = "the XML declaration";
            if let Some(enc) = label(at + "encoding".len(), how) {
                return Some(Declared::Known(enc, how));
            }
        }
    }
    let mut from = 0;
    while let Some(at) = memchr::memmem::find(&head[from..], b"<meta") {
        let start = from + at;
        let end = head[start..]
            .iter()
            .position(|&c| c == b'>')
            .map_or(head.len(), |e| start + e);
        let tag = &head[start..end];
        if let Some(c) = memchr::memmem::find(tag, b"charset") {
            let how = if memchr::memmem::find(tag, b"http-equiv").is_some() {
                "`<meta http-equiv=\"Content-Type\">`"
            } else {
                "`<meta charset>`"
            };
            if let Some(enc) = label(start + c + "charset".len(), how) {
                return Some(Declared::Known(enc, how));
            }
        }
        from = end;
    }
    unknown
}

/// Text where more than one character in ten is a control character (other than
/// line ends, tabs, form feeds and escapes) is binary data, not an article.
/// `Ok(true)` when the whole text was read and holds no control character at
/// all (but line ends and tabs).
fn check_not_binary(text: &str) -> Result<bool, LoadError> {
    // Over bytes: C0 controls and DEL are single bytes, C1 controls are
    // 0xC2 0x80..=0x9F; other bytes of a multi-byte character are not counted.
    // The first 64K characters (within the first 256 KiB) are enough to judge.
    let b = &text.as_bytes()[..text.len().min(256 * 1024)];
    // A text of at most 64K bytes has at most 64K characters: it is read
    // whole, and its characters are counted only when it holds a control.
    let (b, total) = if b.len() <= 64 * 1024 {
        (b, None)
    } else {
        let (total, upto) = first_chars(b, 64 * 1024);
        (&b[..upto], Some(total))
    };
    let mut control = 0usize;
    let mut any = false;
    for_each_suspect(b, |i| match b[i] {
        0x0c | 0x1b => any = true,
        0x00..=0x1f | 0x7f => control += 1,
        0xC2 if matches!(b.get(i + 1), Some(0x80..=0x9F)) => control += 1,
        _ => {}
    });
    if control == 0 {
        return Ok(!any && b.len() == text.len());
    }
    let total = total.unwrap_or_else(|| first_chars(b, usize::MAX).0);
    if total > 0 && control * 10 > total {
        return Err(LoadError::Binary(format!(
            "{control} of its first {total} characters are control codes"
        )));
    }
    Ok(false)
}

/// The characters of `b` up to `limit` of them, and the bytes they take.
fn first_chars(b: &[u8], limit: usize) -> (usize, usize) {
    let is_char = |c: &u8| c & 0xC0 != 0x80;
    let mut total = 0usize;
    let mut upto = 0;
    for chunk in b.chunks(128) {
        // A byte sum over a short chunk vectorises; a filtered count does not.
        let chars = usize::from(chunk.iter().fold(0u8, |n, c| n + u8::from(is_char(c))));
        if total + chars <= limit {
            total += chars;
            upto += chunk.len();
            continue;
        }
        for c in chunk {
            if total == limit {
                break;
            }
            total += usize::from(is_char(c));
            upto += 1;
        }
        break;
    }
    (total, upto)
}

/// Calls `f` with the index of every byte of `b` that may begin a control
/// character: a C0 control other than a line end or tab, DEL, or 0xC2 (the
/// lead byte of the C1 controls, and of much else). Stretches of 64 bytes
/// holding none are skipped in a few instructions each, which is nearly all
/// of any real article.
pub(crate) fn for_each_suspect(b: &[u8], mut f: impl FnMut(usize)) {
    let suspect =
        |c: u8| (c < 0x20 && c != b'\n' && c != b'\r' && c != b'\t') || c == 0x7f || c == 0xC2;
    for (ci, chunk) in b.chunks(64).enumerate() {
        if chunk.iter().fold(0u8, |any, &c| any | u8::from(suspect(c))) == 0 {
            continue;
        }
        for (j, &c) in chunk.iter().enumerate() {
            if suspect(c) {
                f(ci * 64 + j);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_without_bom_is_kept_byte_for_byte() {
        let d = decode("Café “quoted”\r\n".as_bytes().to_vec()).unwrap();
        assert_eq!(d.text, "Café “quoted”\r\n");
        assert_eq!(d.encoding, "utf-8");
        assert!(d.notes.is_empty());
    }

    /// The loader skips its control-character note only on `no_controls`:
    /// any character that note counts must leave it false.
    #[test]
    fn no_controls_only_for_text_without_any() {
        let clean = |t: &str| decode(t.as_bytes().to_vec()).unwrap().no_controls;
        assert!(clean("Plain words,\ttabs\r\nand “quotes” ©.\n"));
        for t in [
            "a\x1bb", "a\x0cb", "a\x0bb", "a\x7fb", "a\u{85}b", "a\u{9b}b",
        ] {
            assert!(!clean(&format!("{t} and many more words to keep it text")));
        }
        let long = format!("{}\x1b", "word ".repeat(60_000));
        assert!(!clean(&long));
    }

    #[test]
    fn bom_is_skipped_with_a_note() {
        let d = decode(b"\xef\xbb\xbfHello.".to_vec()).unwrap();
        assert_eq!(d.text, "Hello.");
        assert_eq!(d.notes.len(), 1);
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xff, 0xfe];
        for u in "Zürich “x”".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(bytes).unwrap();
        assert_eq!(d.text, "Zürich “x”");
        assert_eq!(d.encoding, "utf-16le");
    }

    #[test]
    fn utf8_with_a_few_broken_sequences_stays_utf8() {
        // A line folded by bytes splits a dash; the rest is good UTF-8.
        let good = "Zürich’s “old town” café — naïve façade, déjà vu. ".repeat(4);
        let mut bytes = good.clone().into_bytes();
        let cut = good.find('—').unwrap() + 1;
        bytes.insert(cut, b'\n');
        let d = decode(bytes).unwrap();
        assert_eq!(d.encoding, "utf-8");
        assert!(d.text.contains("Zürich’s “old town” café"), "{}", d.text);
        assert!(d.text.contains('\u{FFFD}'), "{}", d.text);
        assert!(
            d.notes[0].contains("3 broken UTF-8 sequences"),
            "{:?}",
            d.notes
        );
        // A file cut short mid-character.
        let mut bytes = good.into_bytes();
        bytes.extend_from_slice(&"é".as_bytes()[..1]);
        let cut_short = decode(bytes).unwrap();
        assert_eq!(cut_short.encoding, "utf-8");
        assert!(cut_short.text.ends_with('\u{FFFD}'), "{}", cut_short.text);
    }

    #[test]
    fn latin1_falls_back_to_windows_1252() {
        let d = decode(b"Caf\xe9 cr\xe8me \x93quoted\x94".to_vec()).unwrap();
        assert_eq!(d.text, "Café crème “quoted”");
        assert_eq!(d.encoding, "windows-1252");
        assert!(d.notes[0].contains("guessed"), "{:?}", d.notes);
    }

    fn page(charset_tag: &str, text: &str, enc: &'static encoding_rs::Encoding) -> Vec<u8> {
        let mut b =
            format!("<html><head>{charset_tag}<title>t</title></head><body><p>").into_bytes();
        b.extend_from_slice(&enc.encode(text).0);
        b.extend_from_slice(b"</p></body></html>");
        b
    }

    /// Regression: a page declaring UTF-8 but saved as Windows-1252 was
    /// noted "no charset declared"; an unknown label was not noted at all.
    #[test]
    fn a_wrong_or_unknown_declaration_is_said() {
        let french = "Le président a déclaré qu’il était prêt à négocier.";
        let d = decode(page(
            r#"<meta charset="utf-8">"#,
            french,
            encoding_rs::WINDOWS_1252,
        ))
        .unwrap();
        assert!(d.text.contains("président"), "{}", d.text);
        assert!(
            d.notes[0].starts_with("declared UTF-8 in `<meta charset>` but not valid UTF-8"),
            "{:?}",
            d.notes
        );
        let d = decode(page(
            r#"<meta charset="x-bogus-42">"#,
            french,
            encoding_rs::UTF_8,
        ))
        .unwrap();
        assert_eq!(d.encoding, "utf-8");
        assert!(
            d.notes[0].contains("unknown charset `x-bogus-42`"),
            "{:?}",
            d.notes
        );
        // A known declaration after an unknown one decides, as in browsers.
        let both = r#"<meta charset="x-bogus-42"><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">"#;
        let d = decode(page(both, french, encoding_rs::WINDOWS_1252)).unwrap();
        assert_eq!(d.encoding, "windows-1252");
        assert!(d.text.contains("président"));
    }

    #[test]
    fn the_declared_charset_decides() {
        let russian = "Диета Аткинса: что можно есть";
        let d = decode(page(
            r#"<meta charset="windows-1251">"#,
            russian,
            encoding_rs::WINDOWS_1251,
        ))
        .unwrap();
        assert!(d.text.contains(russian), "{}", d.text);
        assert_eq!(d.encoding, "windows-1251");
        assert!(d.notes[0].contains("`<meta charset>`"), "{:?}", d.notes);
        let chinese = "美国国防部长周三在布鲁塞尔表示，一切选项都在谈判桌上。";
        let d = decode(page(
            r#"<meta http-equiv="Content-Type" content="text/html; charset=GB18030">"#,
            chinese,
            encoding_rs::GB18030,
        ))
        .unwrap();
        assert!(d.text.contains(chinese));
        assert!(d.notes[0].contains("http-equiv"), "{:?}", d.notes);
        let japanese = "日本経済新聞の記事です。トランプ氏は述べた。";
        let d = decode(page(
            r#"<meta charset='Shift_JIS'>"#,
            japanese,
            encoding_rs::SHIFT_JIS,
        ))
        .unwrap();
        assert!(d.text.contains(japanese));
        assert_eq!(d.encoding, "Shift_JIS");
        let mut xml = br#"<?xml version="1.0" encoding="koi8-r"?><html><body><p>"#.to_vec();
        xml.extend_from_slice(&encoding_rs::KOI8_R.encode(russian).0);
        let d = decode(xml).unwrap();
        assert!(d.text.contains(russian));
        assert!(d.notes[0].contains("XML declaration"));
    }

    #[test]
    fn a_page_saved_again_as_utf8_keeps_utf8_despite_its_old_declaration() {
        let chinese = "美国国防部长周三表示";
        let d = decode(page(
            r#"<meta charset="gb2312">"#,
            chinese,
            encoding_rs::UTF_8,
        ))
        .unwrap();
        assert!(d.text.contains(chinese));
        assert_eq!(d.encoding, "utf-8");
        assert!(d.notes[0].contains("valid UTF-8"), "{:?}", d.notes);
    }

    #[test]
    fn undeclared_legacy_text_is_detected() {
        let chinese = "美国国防部长赫格塞斯周三在布鲁塞尔表示，结束乌克兰战争的一切选项都在谈判桌上。他说，欧洲必须承担更多责任。";
        let d = decode(encoding_rs::GBK.encode(chinese).0.into_owned()).unwrap();
        assert_eq!(d.text, chinese);
        assert!(d.notes[0].contains("guessed"));
        let russian =
            "Диета Аткинса: что можно есть и чего нельзя. Врачи рассказали о пользе и вреде.";
        let d = decode(encoding_rs::WINDOWS_1251.encode(russian).0.into_owned()).unwrap();
        assert_eq!(d.text, russian);
    }

    #[test]
    fn binary_is_refused() {
        assert!(matches!(
            decode(b"\x89PNG\r\n\x1a\n\x00\x00".to_vec()),
            Err(LoadError::Binary(_))
        ));
        assert!(matches!(
            decode(b"abc\x00def".to_vec()),
            Err(LoadError::Binary(_))
        ));
        let noise: Vec<u8> = (0..4000u32).map(|i| (i * 7 % 32) as u8 + 1).collect();
        assert!(matches!(decode(noise), Err(LoadError::Binary(_))));
    }
}
