/* fuzz_csv.c - libFuzzer target: the CSV reader (core/csv.h).
 *
 * Reads every record of the input, looks up a few column names in the
 * first record (as the imports do with the header), and checks what the
 * reader promises: records start on increasing lines, fields are
 * NUL-terminated strings, errors name the file with a line and column.
 * Build and run: `make fuzz`.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "peerdesk/core/csv.h"
#include "peerdesk/core/status.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_header(const struct csv_record *rec)
{
	static const char *const names[] = {
		"name", "login", "role", "hourly_rate", "client", "", "\"",
		"minutes"
	};
	size_t i;
	int col;

	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		col = csv_column(rec, names[i]);
		if (col < -1 || col >= (int)rec->n)
			abort();
		if (col >= 0 && strcmp(rec->field[col], names[i]) != 0)
			abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* An exact-size copy: the reader must not read past len. */
	char *text = malloc(size ? size : 1);
	struct csv_reader *r;
	struct csv_record rec;
	struct pd_err err;
	enum pd_status s;
	int prev_line = 0, first = 1;
	size_t i, total = 0;

	if (text == NULL)
		return 0;
	memcpy(text, data, size);
	r = csv_open(text, size, "fuzz.csv");
	memset(&err, 0, sizeof err);
	while ((s = csv_next(r, &rec, &err)) == PD_OK) {
		if (rec.line <= prev_line || rec.n == 0)
			abort();
		prev_line = rec.line;
		for (i = 0; i < rec.n; i++)
			total += strlen(rec.field[i]);
		if (total > size)
			abort();	/* fields come from the input only */
		if (first) {
			check_header(&rec);
			first = 0;
		}
	}
	if (s != PD_NOT_FOUND) {
		char line[1024];

		if (s != PD_PARSE || err.line < 1 || err.column < 1 ||
		    strcmp(err.file, "fuzz.csv") != 0)
			abort();
		pd_err_format(&err, line, sizeof line);
	}
	csv_free(&r);
	if (r != NULL)
		abort();
	free(text);
	return 0;
}
