//! API tests: the running Worker (wrangler dev, workerd, local D1 + KV), no mocks.

mod directory;
mod errors;
mod feeds;
mod rules;
mod schedule;
