//! The `directory` bundle: the first screen, `/`, whose page the Worker sends already painted;
//! this adds the search and the rest that needs a script (src/directory.rs), without Leptos.

fn main() {
    app::directory::start();
}
