internal import CLibPQ

extension Connection {
    /// The connection's socket, for a caller that waits on it together with other descriptors
    /// (the dashboard polls the terminal and the database in one loop). Nil once closed or broken.
    /// Read from it only through ``waitForNotifications(timeout:)`` with `.zero`; libpq owns the bytes.
    public var socketDescriptor: Int32? {
        guard let handle, PQstatus(handle) == CONNECTION_OK else { return nil }
        let fd = PQsocket(handle)
        return fd >= 0 ? fd : nil
    }
}
