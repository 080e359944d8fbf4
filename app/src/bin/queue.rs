//! The `queue` bundle: the electronic queue's pages (R39-3) — taking a ticket, the ticket's
//! page, the kiosk and the board — loaded only by those who queue, under `/queue/`. Written
//! without Leptos (src/queue_page.rs).

fn main() {
    app::queue_page::start();
}
