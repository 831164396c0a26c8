//! Links the `storydiff` binary as a fixed-address executable on Linux.
//!
//! A position-independent executable must have every pointer in its
//! read-only data relocated at start-up, which writes (and so copies) about a
//! hundred pages before `main` runs: on small comparisons that is a tenth of
//! the run. A fixed-address executable has those pointers filled in by the
//! linker. The library, tests and benches are unaffected by that; all of
//! them take the unwinder from `libgcc_eh.a` rather than `libgcc_s.so`.

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
        // Functions the compiler knows to be cold (panics, error paths) go
        // to a section of their own, not between the hot ones: the code a
        // run touches spans fewer pages, and each page of the binary first
        // read costs a page fault (~4 us here).
        println!("cargo:rustc-link-arg-bins=-Wl,-z,keep-text-section-prefix");
        // The unwinder from gcc's static archive, not the shared libgcc_s:
        // loading one more shared library costs ~0.25 ms of CPU at every
        // start here (its mapping, relocation and page faults), a twelfth of
        // a 40 KB comparison. Listed as this package's own library, it comes
        // before the standard library's `-lgcc_s`, which `--as-needed` then
        // drops; panics unwind the same way (rustc links `gcc_eh` itself for
        // static builds).
        println!("cargo:rustc-link-lib=static:-bundle=gcc_eh");
    }
}
