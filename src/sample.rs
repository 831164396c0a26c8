//! The bundled sample story: five real articles about one event, compiled into
//! the binary so `storydiff` with no arguments works from any directory.

/// (file name, contents) of each sample article, in order.
pub const SAMPLE_STORY: &[(&str, &str)] = &[
    (
        "000_d2c9a56fda6f2fe5.txt",
        include_str!("../sample-data/000_d2c9a56fda6f2fe5.txt"),
    ),
    (
        "001_47dd79ef2147b742.txt",
        include_str!("../sample-data/001_47dd79ef2147b742.txt"),
    ),
    (
        "002_5a82b81d371fbb4b.txt",
        include_str!("../sample-data/002_5a82b81d371fbb4b.txt"),
    ),
    (
        "003_98122ec685389c76.txt",
        include_str!("../sample-data/003_98122ec685389c76.txt"),
    ),
    (
        "004_bd5169fcfd31cf27.txt",
        include_str!("../sample-data/004_bd5169fcfd31cf27.txt"),
    ),
];

/// Loads the bundled sample articles.
pub fn load_sample_story() -> Vec<crate::article::Article> {
    SAMPLE_STORY
        .iter()
        .filter_map(|(name, text)| {
            crate::article::load_bytes(
                &format!("sample-data/{name}"),
                text.as_bytes(),
                &Default::default(),
            )
            .ok()
        })
        .collect()
}
