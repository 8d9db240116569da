//! The sandbox's webhooks, in creation order, with an index by webhook id.
//!
//! Handshakes and deliveries look webhooks up by id. A benchmark creates tens
//! of thousands of webhooks, and scanning the list for each look-up took half
//! the sandbox's CPU time.

use std::collections::HashMap;

use crate::webhook::Webhook;

#[derive(Default)]
pub(crate) struct WebhookStore {
    list: Vec<Webhook>,
    /// Position in `list` of each webhook id.
    index: HashMap<String, usize>,
}

impl WebhookStore {
    pub(crate) fn push(&mut self, webhook: Webhook) {
        self.index.insert(webhook.id.clone(), self.list.len());
        self.list.push(webhook);
    }

    /// Returns the webhook with this id, if it still exists.
    pub(crate) fn get_mut(&mut self, webhook_id: &str) -> Option<&mut Webhook> {
        let position = *self.index.get(webhook_id)?;
        self.list.get_mut(position)
    }

    /// Keeps the webhooks for which `keep` is true; returns how many were removed.
    pub(crate) fn retain(&mut self, keep: impl FnMut(&Webhook) -> bool) -> usize {
        let before = self.list.len();
        self.list.retain(keep);
        let removed = before - self.list.len();
        if removed > 0 {
            self.rebuild_index();
        }
        removed
    }

    pub(crate) fn iter(&self) -> std::slice::Iter<'_, Webhook> {
        self.list.iter()
    }

    pub(crate) fn to_vec(&self) -> Vec<Webhook> {
        self.list.clone()
    }

    pub(crate) fn clear(&mut self) {
        self.list.clear();
        self.index.clear();
    }

    fn rebuild_index(&mut self) {
        self.index = self
            .list
            .iter()
            .enumerate()
            .map(|(position, webhook)| (webhook.id.clone(), position))
            .collect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::webhook::{Encoding, Handshake};

    fn webhook(id: &str, target_url: &str) -> Webhook {
        Webhook {
            id: id.to_owned(),
            app_token: String::from("token"),
            target_url: target_url.to_owned(),
            encoding: Encoding::Json,
            events: vec![String::from("video_ready")],
            confirmed: false,
            validation_code: 123_456,
            handshake: Handshake::default(),
            deliveries: Vec::new(),
        }
    }

    #[test]
    fn lookup_after_removal() {
        let mut store = WebhookStore::default();
        store.push(webhook("a", "http://127.0.0.1:9/one"));
        store.push(webhook("b", "http://127.0.0.1:9/two"));
        store.push(webhook("c", "http://127.0.0.1:9/one"));

        let removed = store.retain(|w| w.target_url != "http://127.0.0.1:9/one");
        assert_eq!(removed, 2);
        assert!(store.get_mut("a").is_none());
        assert!(store.get_mut("c").is_none());
        assert_eq!(
            store.get_mut("b").map(|w| w.target_url.as_str()),
            Some("http://127.0.0.1:9/two")
        );
        assert_eq!(store.iter().count(), 1);
    }

    #[test]
    fn clear_empties_index() {
        let mut store = WebhookStore::default();
        store.push(webhook("a", "http://127.0.0.1:9/one"));
        store.clear();
        assert!(store.get_mut("a").is_none());
        assert!(store.to_vec().is_empty());
    }
}
