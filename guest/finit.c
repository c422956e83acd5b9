// SPDX-License-Identifier: GPL-2.0
/*
 * finit - load a kernel module with exactly one finit_module() call.
 *
 * busybox insmod falls back to init_module() when finit_module() fails, and
 * test_vmalloc fails its own load with -EAGAIN by design, so busybox would
 * run the whole test twice.  This helper calls finit_module() once and
 * reports the result.
 *
 * Usage: finit MODULE.ko [PARAMS...]
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	char params[4096] = "";
	size_t len = 0;
	int fd, ret, i;

	if (argc < 2) {
		fprintf(stderr, "usage: %s MODULE.ko [PARAMS...]\n", argv[0]);
		return 2;
	}
	for (i = 2; i < argc; i++) {
		int n = snprintf(params + len, sizeof(params) - len, "%s%s",
				 len ? " " : "", argv[i]);

		if (n < 0 || (size_t)n >= sizeof(params) - len) {
			fprintf(stderr, "finit: parameters too long\n");
			return 2;
		}
		len += n;
	}
	fd = open(argv[1], O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		perror(argv[1]);
		return 2;
	}
	ret = syscall(SYS_finit_module, fd, params, 0);
	printf("finit: %s [%s] = %d (%s)\n", argv[1], params,
	       ret ? -errno : 0, ret ? strerror(errno) : "ok");
	close(fd);
	return ret ? 1 : 0;
}
