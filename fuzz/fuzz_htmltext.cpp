// libFuzzer: HTML to readable text never crashes, terminates on any markup (broken tags, unclosed
// comments, endless nesting), and never produces more text than the page holds plus the few
// characters it adds per element ("# ", "- ", " | ", brackets around alt text, line breaks).
#include "core/htmltext.h"

#include <cstdlib>

using namespace AgentDesk;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString html = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const HtmlText::Page page = HtmlText::convert(html);
    if (page.text.size() > html.size() * 4 + 16)
        std::abort();
    if (page.text != page.text.trimmed())
        std::abort();
    HtmlText::declaredCharset(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    return 0;
}
