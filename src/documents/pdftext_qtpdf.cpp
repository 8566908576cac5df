#include "pdftext.h"

#include <QPdfDocument>

using namespace Qt::StringLiterals;

namespace AgentDesk::PdfText {

bool available()
{
    return true;
}

Result<QString> extract(const QString &path)
{
    QPdfDocument document;
    const QPdfDocument::Error error = document.load(path);
    switch (error) {
    case QPdfDocument::Error::None: break;
    case QPdfDocument::Error::IncorrectPassword:
        return makeError(QString(ErrorCode::InvalidArgument), u"the PDF is password-protected"_s);
    case QPdfDocument::Error::UnsupportedSecurityScheme:
        return makeError(QString(ErrorCode::InvalidArgument), u"the PDF uses an unsupported security scheme"_s);
    case QPdfDocument::Error::FileNotFound:
        return makeError(QString(ErrorCode::NotFound), u"the file was not found"_s);
    default:
        return makeError(QString(ErrorCode::InvalidArgument), u"the file is not a readable PDF"_s);
    }
    QStringList pages;
    for (int page = 0; page < document.pageCount(); ++page) {
        QString text = document.getAllText(page).text();
        text.replace(u"\r\n"_s, u"\n"_s).replace(u'\r', u'\n');
        pages << text.trimmed();
    }
    const QString all = pages.join(u"\n\n"_s);
    if (all.trimmed().isEmpty())
        return makeError(QString(ErrorCode::InvalidArgument), u"the PDF has no text layer (scanned pages would need OCR)"_s);
    return all;
}

} // namespace AgentDesk::PdfText
