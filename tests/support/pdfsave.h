/* pdfsave.h - render a PDF and write it to a file, for renderer tests
 * that look at the result with poppler (the program itself saves through
 * app/userfile). */
#ifndef PEERDESK_TESTS_PDFSAVE_H
#define PEERDESK_TESTS_PDFSAVE_H

#include "peerdesk/core/status.h"
#include "peerdesk/model/hours.h"
#include "peerdesk/model/sar.h"
#include "peerdesk/report/plan_text.h"

enum pd_status plan_pdf_write(const struct plan_copy *c, const char *path,
    struct pd_err *err);
enum pd_status hours_pdf_write(const struct hours_report *r,
    const char *path, struct pd_err *err);
enum pd_status sar_pdf_write(const struct sar_bundle *b, const char *path,
    struct pd_err *err);

#endif
