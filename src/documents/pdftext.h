#pragma once

#include "core/error.h"

#include <QString>

namespace AgentDesk {

// The text of a PDF file, page after page (pages separated by an empty line). Built from
// pdftext_qtpdf.cpp with Qt Pdf, otherwise from pdftext_none.cpp, which reports PDF as
// unsupported by this build.
namespace PdfText {
bool available();
Result<QString> extract(const QString &path);
} // namespace PdfText

} // namespace AgentDesk
