//! Server-Sent Events, as the HTML standard reads them: lines of `field: value`, an event ends
//! at a blank line, `data` lines join with newlines, lines starting with `:` are comments (the
//! service's keep-alives). Chunks may split anywhere, even inside a line or a character.

/// One dispatched event. `id` is `None` when the event set none (the stream's last id stays).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SseEvent {
    pub id: Option<String>,
    pub event: String,
    pub data: String,
}

/// Reads a stream's bytes chunk by chunk.
#[derive(Debug, Default)]
pub struct SseParser {
    pending: Vec<u8>,
    id: Option<String>,
    event: Option<String>,
    data: Option<String>,
}

impl SseParser {
    /// The events completed by `chunk`, in order.
    pub fn feed(&mut self, chunk: &[u8]) -> Vec<SseEvent> {
        self.pending.extend_from_slice(chunk);
        let mut events = Vec::new();
        while let Some(end) = self.pending.iter().position(|byte| *byte == b'\n') {
            let mut line: Vec<u8> = self.pending.drain(..=end).collect();
            line.pop();
            if line.last() == Some(&b'\r') {
                line.pop();
            }
            let line = String::from_utf8_lossy(&line).into_owned();
            if let Some(event) = self.line(&line) {
                events.push(event);
            }
        }
        events
    }

    fn line(&mut self, line: &str) -> Option<SseEvent> {
        if line.is_empty() {
            return self.dispatch();
        }
        if line.starts_with(':') {
            return None;
        }
        let (field, value) = match line.split_once(':') {
            Some((field, value)) => (field, value.strip_prefix(' ').unwrap_or(value)),
            None => (line, ""),
        };
        match field {
            "id" if !value.contains('\0') => self.id = Some(value.to_owned()),
            "event" => self.event = Some(value.to_owned()),
            "data" => {
                let data = self.data.get_or_insert_with(String::new);
                if !data.is_empty() {
                    data.push('\n');
                }
                data.push_str(value);
            }
            _ => {}
        }
        None
    }

    fn dispatch(&mut self) -> Option<SseEvent> {
        let id = self.id.take();
        let event = self.event.take();
        let data = self.data.take()?;
        Some(SseEvent {
            id,
            event: event.unwrap_or_else(|| "message".to_owned()),
            data,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_event_is_complete_at_its_blank_line() {
        let mut parser = SseParser::default();

        assert!(parser
            .feed(b"id: 7\nevent: access_request\ndata: {\"a\":1}\n")
            .is_empty());
        let events = parser.feed(b"\n");

        assert_eq!(
            events,
            [SseEvent {
                id: Some("7".into()),
                event: "access_request".into(),
                data: "{\"a\":1}".into()
            }]
        );
    }

    #[test]
    fn chunks_split_anywhere_and_crlf_lines_read_the_same() {
        let whole = "event: summary\r\ndata: {\"open\":2}\r\n\r\n: keep-alive\r\n\r\nid: 9\r\nevent: order_status\r\ndata: x\r\n\r\n";
        let mut parser = SseParser::default();
        let mut events = Vec::new();
        for byte in whole.as_bytes() {
            events.extend(parser.feed(std::slice::from_ref(byte)));
        }

        assert_eq!(
            events.len(),
            2,
            "the comment dispatches nothing: {events:?}"
        );
        assert_eq!(events[0].id, None);
        assert_eq!(events[0].event, "summary");
        assert_eq!(events[1].id.as_deref(), Some("9"));
        assert_eq!(events[1].data, "x");
    }

    #[test]
    fn data_lines_join_with_newlines_and_an_event_without_data_is_not_dispatched() {
        let mut parser = SseParser::default();

        let events = parser.feed(b"event: nothing\n\ndata: one\ndata: two\n\n");

        assert_eq!(events.len(), 1);
        assert_eq!(events[0].event, "message");
        assert_eq!(events[0].data, "one\ntwo");
    }
}
