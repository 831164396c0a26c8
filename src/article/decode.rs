//! Bytes to text: UTF-8 (± BOM), UTF-16 with a BOM, legacy single-byte text as
//! Windows-1252 (with a note). Binary input is refused.

use super::LoadError;

pub(crate) struct Decoded {
    pub text: String,
    pub encoding: &'static str,
    pub notes: Vec<String>,
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
            });
        }
    }
    for (magic, what) in MAGIC {
        if bytes.starts_with(magic) {
            return Err(LoadError::Binary((*what).to_string()));
        }
    }
    let head = &bytes[..bytes.len().min(64 * 1024)];
    if memchr::memchr(0, head).is_some() {
        return Err(LoadError::Binary("contains NUL bytes".into()));
    }
    if let Some(decoded) = declared.and_then(|label| transport_charset(&bytes, label)) {
        check_not_binary(&decoded.text)?;
        return Ok(decoded);
    }
    utf8(bytes, Vec::new())
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
    })
}

fn utf8(bytes: Vec<u8>, notes: Vec<String>) -> Result<Decoded, LoadError> {
    let text = match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            let bytes = e.into_bytes();
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(&bytes);
            let mut notes = notes;
            notes.push("not valid UTF-8; decoded as Windows-1252".into());
            check_not_binary(&text)?;
            return Ok(Decoded {
                text: text.into_owned(),
                encoding: "windows-1252",
                notes,
            });
        }
    };
    check_not_binary(&text)?;
    Ok(Decoded {
        text,
        encoding: "utf-8",
        notes,
    })
}

/// Text where more than one character in ten is a control character (other than
/// line ends, tabs, form feeds and escapes) is binary data, not an article.
fn check_not_binary(text: &str) -> Result<(), LoadError> {
    // Over bytes: C0 controls and DEL are single bytes, C1 controls are
    // 0xC2 0x80..=0x9F; other bytes of a multi-byte character are not counted.
    // The first 64K characters (within the first 256 KiB) are enough to judge.
    let b = &text.as_bytes()[..text.len().min(256 * 1024)];
    let is_char = |c: &u8| c & 0xC0 != 0x80;
    let mut total = 0usize;
    let mut upto = 0;
    for chunk in b.chunks(128) {
        // A byte sum over a short chunk vectorises; a filtered count does not.
        let chars = usize::from(chunk.iter().fold(0u8, |n, c| n + u8::from(is_char(c))));
        if total + chars <= 64 * 1024 {
            total += chars;
            upto += chunk.len();
            continue;
        }
        for c in chunk {
            if total == 64 * 1024 {
                break;
            }
            total += usize::from(is_char(c));
            upto += 1;
        }
        break;
    }
    let b = &b[..upto];
    let mut control = 0usize;
    for_each_suspect(b, |i| match b[i] {
        0x0c | 0x1b => {}
        0x00..=0x1f | 0x7f => control += 1,
        0xC2 if matches!(b.get(i + 1), Some(0x80..=0x9F)) => control += 1,
        _ => {}
    });
    if total > 0 && control * 10 > total {
        return Err(LoadError::Binary(format!(
            "{control} of its first {total} characters are control codes"
        )));
    }
    Ok(())
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
    fn latin1_falls_back_to_windows_1252() {
        let d = decode(b"Caf\xe9 cr\xe8me \x93quoted\x94".to_vec()).unwrap();
        assert_eq!(d.text, "Café crème “quoted”");
        assert_eq!(d.encoding, "windows-1252");
        assert!(d.notes[0].contains("Windows-1252"));
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
