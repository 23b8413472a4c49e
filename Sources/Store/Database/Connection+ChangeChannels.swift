public import Postgres

extension Connection {
    /// Subscribes this session to the change notifications of every unit the user may see, and
    /// returns the channel of each unit (unit code → channel).
    ///
    /// PostgreSQL puts no privilege on LISTEN or NOTIFY, so each unit's channel has a random name
    /// that only its users can read (`my_channels()`, sql/016). A notification is a hint: its payload
    /// carries ids only (`{"table","id","entry","unit"}`), anyone who knows a channel's name can send
    /// one, so a client re-reads what changed through row-level security and never trusts a payload.
    /// Call again after reconnecting: an administrator may have renewed the names.
    @discardableResult
    public func listenForChanges() throws -> [String: String] {
        var channels: [String: String] = [:]
        for row in try query("SELECT unit_code, channel FROM my_channels()").rows {
            let channel = try row.decode(String.self, "channel")
            try listen(channel)
            channels[try row.decode(String.self, "unit_code")] = channel
        }
        return channels
    }
}
