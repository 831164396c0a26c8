//! Links the `storydiff` binary as a fixed-address executable on Linux.
//!
//! A position-independent executable must have every pointer in its
//! read-only data relocated at start-up, which writes (and so copies) about a
//! hundred pages before `main` runs: on small comparisons that is a tenth of
//! the run. A fixed-address executable has those pointers filled in by the
//! linker. The library, tests and benches are unaffected.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os == "linux" && env == "gnu" {
        println!("cargo:rustc-link-arg-bins=-no-pie");
        // Resolve the C library's functions when first called rather than
        // at start-up: a run calls a fraction of them. This covers only
        // the ~40 called through the PLT; rustc calls the other ~150 through
        // the GOT, which the loader binds at start-up whatever this says
        // (~0.1 M instructions; a static relocation model would avoid it,
        // but that is a `rustflags` setting, out of a build script's reach).
        println!("cargo:rustc-link-arg-bins=-Wl,-z,lazy");
    }
}
