//! Writes a generated article pair and its truth:
//! `cargo run --release --example gen_pair -- SIZE OUT_DIR [SEED] [SOURCE_TEXT] [FLAGS]`
//! where SIZE is bytes with an optional k/m suffix (`40k`, `1m`, `5m`). Produces
//! `OUT_DIR/old.txt`, `OUT_DIR/new.txt` and `OUT_DIR/truth.json`. Flags:
//! `--reflow-only` (no edits, no moves), `--hyphens` (wrap after hyphens too),
//! `--no-merges` (neither merges nor splits, the edit model before them),
//! `--no-moves`.

use std::path::PathBuf;

use storydiff::synth::{generate_pair, PairSpec};

fn parse_size(s: &str) -> Option<usize> {
    let s = s.to_ascii_lowercase();
    let (num, mult) = match s.chars().last()? {
        'k' => (&s[..s.len() - 1], 1_000),
        'm' => (&s[..s.len() - 1], 1_000_000),
        _ => (&s[..], 1),
    };
    num.parse::<usize>().ok().map(|n| n * mult)
}

fn main() -> anyhow::Result<()> {
    let (flags, args): (Vec<String>, Vec<String>) =
        std::env::args().skip(1).partition(|a| a.starts_with("--"));
    if args.len() < 2 {
        anyhow::bail!("usage: gen_pair SIZE OUT_DIR [SEED] [SOURCE_TEXT]");
    }
    let size = parse_size(&args[0]).ok_or_else(|| anyhow::anyhow!("bad size {:?}", args[0]))?;
    let out = PathBuf::from(&args[1]);
    let seed = args.get(2).map(|s| s.parse()).transpose()?.unwrap_or(1);
    let source = args.get(3).map(std::fs::read_to_string).transpose()?;
    let mut spec = if flags.iter().any(|f| f == "--reflow-only") {
        PairSpec::reflow_only(size, seed)
    } else {
        PairSpec::new(size, seed)
    };
    for f in &flags {
        match f.as_str() {
            "--reflow-only" => {}
            "--hyphens" => spec.wrap_after_hyphens = true,
            "--no-merges" => (spec.merge_rate, spec.split_rate) = (0.0, 0.0),
            "--no-moves" => spec.moves = Some(0),
            _ => anyhow::bail!("unknown flag {f}"),
        }
    }
    let pair = generate_pair(&spec, source.as_deref());
    std::fs::create_dir_all(&out)?;
    std::fs::write(out.join("old.txt"), &pair.original)?;
    std::fs::write(out.join("new.txt"), &pair.copy)?;
    std::fs::write(
        out.join("truth.json"),
        serde_json::to_string_pretty(&pair.truth)? + "\n",
    )?;
    Ok(())
}
