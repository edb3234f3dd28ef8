// Unix stream sockets and epoll with event masks, for the control API's server and client. Swift's Glibc
// module hides accept4, MSG_NOSIGNAL and the epoll event bits. Every function returns -1 and leaves errno
// set on failure.
#ifndef TEND_SOCKET_H
#define TEND_SOCKET_H

#include <stdint.h>
#include <sys/types.h>

/// The readiness bits tend_poll_* take and report (epoll's own values).
enum {
    TEND_POLL_IN = 0x001,
    TEND_POLL_OUT = 0x004,
    TEND_POLL_ERR = 0x008,
    TEND_POLL_HUP = 0x010,
    TEND_POLL_RDHUP = 0x2000,
};

/// A close-on-exec, non-blocking unix stream socket bound at `path` and listening with `backlog`.
int tend_socket_listen_unix(const char *path, int backlog);

/// Accepts one waiting connection as a close-on-exec, non-blocking socket; -1 with EAGAIN when none waits.
int tend_socket_accept(int listener);

/// A close-on-exec, blocking unix stream socket connected to `path`. With `timeout_ms` above 0, connecting
/// (when the server's backlog is full), each read and each write give up after that long (EAGAIN).
int tend_socket_connect_unix(const char *path, int timeout_ms);

/// Writes up to `count` bytes without raising SIGPIPE when the peer has gone (EPIPE instead).
ssize_t tend_socket_send(int fd, const void *bytes, size_t count);

/// Adds `fd` to `epfd` for the readiness in `events` (level-triggered); `token` comes back with it.
int tend_poll_add(int epfd, int fd, uint32_t events, uint64_t token);

/// Changes what readiness `fd` is watched for.
int tend_poll_modify(int epfd, int fd, uint32_t events, uint64_t token);

/// Waits up to `timeout_ms` (-1: forever); stores up to `capacity` tokens and their readiness bits.
/// Retries EINTR.
int tend_poll_wait(int epfd, uint64_t *tokens, uint32_t *events, int capacity, int timeout_ms);

#endif
