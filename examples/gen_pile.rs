//! Writes a generated pile of many events for the pile benchmarks:
//! `cargo run --release --example gen_pile -- COUNT OUT_DIR [SEED] [BYTES]`
//! writes COUNT articles (stories of an original, two edited reprints and two
//! independent write-ups, and about one in five unrelated singles) of about
//! BYTES (default 5000) each, as `OUT_DIR/eNNNNN-K.txt`.

use std::path::PathBuf;

use storydiff::synth::generate_pile;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 2 {
        anyhow::bail!("usage: gen_pile COUNT OUT_DIR [SEED] [BYTES]");
    }
    let count: usize = args[0].parse()?;
    let out = PathBuf::from(&args[1]);
    let seed = args.get(2).map(|s| s.parse()).transpose()?.unwrap_or(1);
    let bytes = args.get(3).map(|s| s.parse()).transpose()?.unwrap_or(5_000);
    std::fs::create_dir_all(&out)?;
    let mut total = 0;
    for (name, text) in generate_pile(count, bytes, seed) {
        total += text.len();
        std::fs::write(out.join(name), text)?;
    }
    eprintln!("{count} articles, {total} bytes in {}", out.display());
    Ok(())
}
