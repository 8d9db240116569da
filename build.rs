//! Generates the C header `ziggeo.h` from the `extern "C"` items in
//! `src/ffi/` with cbindgen, sets the shared library's SONAME, and links the
//! unwinder statically on Linux with glibc.
//!
//! The header is always written to `$OUT_DIR/ziggeo.h`; the header drift test
//! compares it with the committed `include/ziggeo.h`. With
//! `ZIGGEO_UPDATE_HEADER=1` (`make header`) the committed copy is rewritten.

use std::env;
use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-changed=src/ffi");
    println!("cargo:rerun-if-changed=cbindgen.toml");
    println!("cargo:rerun-if-env-changed=ZIGGEO_UPDATE_HEADER");

    set_soname();
    link_unwinder_statically();
    generate_header();
}

/// Makes `libziggeo.so` depend on nothing beyond libc, as `-static-libgcc`
/// does for C libraries.
///
/// Rust's standard library links `-lgcc_s` for unwinding, which the C
/// boundary needs to catch panics. A file named `libgcc_s.a` holding the
/// linker script `INPUT(-lgcc_eh)`, found first on the search path, makes
/// the linker take GCC's static unwinder instead. Panics never leave the
/// library, so its own copy of the unwinder is enough.
fn link_unwinder_statically() {
    let os = env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let target_env = env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os != "linux" || target_env != "gnu" {
        return;
    }

    let out_dir = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let shim_dir = out_dir.join("static-unwinder");
    let written = std::fs::create_dir_all(&shim_dir)
        .and_then(|()| std::fs::write(shim_dir.join("libgcc_s.a"), "INPUT(-lgcc_eh)\n"));
    match written {
        Ok(()) => println!("cargo:rustc-link-search=native={}", shim_dir.display()),
        Err(error) => println!("cargo:warning=linking libgcc_s dynamically: could not write the shim: {error}"),
    }
}

/// Gives the Linux shared library the SONAME `libziggeo.so.MAJOR`, which
/// changes only when the ABI breaks.
fn set_soname() {
    let os = env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    if os == "linux" {
        let major = env::var("CARGO_PKG_VERSION_MAJOR").unwrap_or_else(|_| String::from("0"));
        println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,libziggeo.so.{major}");
    }
}

fn generate_header() {
    let crate_dir = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let out_dir = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));

    let mut config =
        cbindgen::Config::from_file(crate_dir.join("cbindgen.toml")).expect("cbindgen.toml is valid; fix it if not");
    config.after_includes = Some(version_macros());

    let bindings = match cbindgen::Builder::new()
        .with_crate(&crate_dir)
        .with_config(config)
        .generate()
    {
        Ok(bindings) => bindings,
        Err(error) => panic!("cbindgen could not generate ziggeo.h: {error}"),
    };

    let generated = out_dir.join("ziggeo.h");
    bindings.write_to_file(&generated);
    println!("cargo:rustc-env=ZIGGEO_GENERATED_HEADER={}", generated.display());

    if env::var("ZIGGEO_UPDATE_HEADER").as_deref() == Ok("1") {
        bindings.write_to_file(crate_dir.join("include").join("ziggeo.h"));
    }
}

fn version_macros() -> String {
    let part = |name: &str| env::var(name).expect("cargo sets the CARGO_PKG_VERSION_* variables");
    format!(
        "\n/** Major version: changes when the ABI breaks; part of the SONAME. */\n\
         #define ZIGGEO_VERSION_MAJOR {}\n\
         /** Minor version: changes when the ABI grows in a compatible way. */\n\
         #define ZIGGEO_VERSION_MINOR {}\n\
         /** Patch version: changes for fixes that leave the ABI alone. */\n\
         #define ZIGGEO_VERSION_PATCH {}\n\
         /** The whole version as a string, equal to what ziggeo_version() returns. */\n\
         #define ZIGGEO_VERSION_STRING \"{}\"\n",
        part("CARGO_PKG_VERSION_MAJOR"),
        part("CARGO_PKG_VERSION_MINOR"),
        part("CARGO_PKG_VERSION_PATCH"),
        part("CARGO_PKG_VERSION"),
    )
}
