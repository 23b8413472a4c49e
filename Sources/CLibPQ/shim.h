#ifndef VAKTLOGG_CLIBPQ_SHIM_H
#define VAKTLOGG_CLIBPQ_SHIM_H
#include <libpq-fe.h>
#include <poll.h>

/*
 * libpq's PG_DIAG_* field codes are character-literal macros, which Swift does
 * not import. Re-export them as typed constants (the int PQresultErrorField takes).
 */
static const int VK_PG_DIAG_SEVERITY = PG_DIAG_SEVERITY_NONLOCALIZED;
static const int VK_PG_DIAG_SQLSTATE = PG_DIAG_SQLSTATE;
static const int VK_PG_DIAG_MESSAGE_PRIMARY = PG_DIAG_MESSAGE_PRIMARY;
static const int VK_PG_DIAG_MESSAGE_DETAIL = PG_DIAG_MESSAGE_DETAIL;
static const int VK_PG_DIAG_MESSAGE_HINT = PG_DIAG_MESSAGE_HINT;
static const int VK_PG_DIAG_CONTEXT = PG_DIAG_CONTEXT;
static const int VK_PG_DIAG_SCHEMA_NAME = PG_DIAG_SCHEMA_NAME;
static const int VK_PG_DIAG_TABLE_NAME = PG_DIAG_TABLE_NAME;
static const int VK_PG_DIAG_COLUMN_NAME = PG_DIAG_COLUMN_NAME;
static const int VK_PG_DIAG_DATATYPE_NAME = PG_DIAG_DATATYPE_NAME;
static const int VK_PG_DIAG_CONSTRAINT_NAME = PG_DIAG_CONSTRAINT_NAME;

/*
 * Waits until `fd` is readable or `timeout_ms` passes (-1: forever).
 * Returns poll(2)'s result; errno is left for the caller (EINTR is retried there).
 * Kept in C so Swift needs no Glibc/Darwin-specific pollfd spelling.
 */
static inline int vk_wait_readable(int fd, int timeout_ms) {
    struct pollfd pfd;
    pfd.fd = fd;
    pfd.events = POLLIN;
    pfd.revents = 0;
    return poll(&pfd, 1, timeout_ms);
}

#endif
