#include "ssedecoder.h"

namespace AgentDesk {

bool SseDecoder::fail(const QString &message)
{
    m_error = message;
    m_line.clear();
    m_data.clear();
    return false;
}

void SseDecoder::reset()
{
    *this = SseDecoder(m_maxEventBytes);
}

} // namespace AgentDesk
