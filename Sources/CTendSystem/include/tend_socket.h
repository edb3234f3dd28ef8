// Unix stream sockets for the control API's server and client. Swift's Glibc module hides accept4 and
// MSG_NOSIGNAL. Every function returns -1 and leaves errno
// set on failure.
#ifndef TEND_SOCKET_H
#define TEND_SOCKET_H

#include <stdint.h>
#include <sys/types.h>

/// A close-on-exec, non-blocking unix stream socket bound at `path` and listening with `backlog`.
int tend_socket_listen_unix(const char *path, int backlog);

/// Accepts one waiting connection as a close-on-exec, non-blocking socket; -1 with EAGAIN when none waits.
int tend_socket_accept(int listener);

/// A close-on-exec, blocking unix stream socket connected to `path`. With `timeout_ms` above 0, connecting
/// (when the server's backlog is full), each read and each write give up after that long (EAGAIN).
int tend_socket_connect_unix(const char *path, int timeout_ms);

/// Writes up to `count` bytes without raising SIGPIPE when the peer has gone (EPIPE instead).
ssize_t tend_socket_send(int fd, const void *bytes, size_t count);

#endif
