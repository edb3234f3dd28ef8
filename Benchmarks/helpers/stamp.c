/* stamp FILE [LABEL [VERSION]]: the restart and reload scenarios' child. The first thing it does is read
 * CLOCK_MONOTONIC; it appends "PID NANOSECONDS LABEL VERSION" to FILE and then sleeps until it is killed.
 * Built statically where the toolchain allows, so little runs between exec and that first clock read.
 * A new VERSION changes the command line, which is what the reload scenario needs. */
#include <fcntl.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    if (argc < 2) return 2;
    char text[256];
    int length = snprintf(text, sizeof text, "%d %lld %s %s\n", (int)getpid(),
                          (long long)now.tv_sec * 1000000000LL + now.tv_nsec,
                          argc > 2 ? argv[2] : "-", argc > 3 ? argv[3] : "-");
    if (length < 0 || length >= (int)sizeof text) return 2;
    int fd = open(argv[1], O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd < 0 || write(fd, text, (size_t)length) != length) return 1;
    close(fd);
    for (;;) pause();
}
