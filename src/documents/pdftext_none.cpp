#include "pdftext.h"

using namespace Qt::StringLiterals;

namespace AgentDesk::PdfText {

bool available()
{
    return false;
}

Result<QString> extract(const QString &)
{
    return makeError(u"UNSUPPORTED"_s, u"unsupported: this build of AgentDesk cannot read PDF text (built without Qt Pdf)"_s);
}

} // namespace AgentDesk::PdfText
