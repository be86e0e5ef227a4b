/** One question of the emulated robot's FAQ group. */
export interface FaqEntry {
  readonly question: string;
  readonly answer: string;
  /** Words that make the robot pick this answer for a chat message. */
  readonly keywords: readonly string[];
}

/** The languages the emulated FAQ group exists in. */
export type FaqLanguage = 'en' | 'zh';

/** The built-in FAQ group of the emulated robot, per language (`queryPhraseByKeyword` and robot answers use it). */
export const FAQ_CATALOGUE: Readonly<Record<FaqLanguage, readonly FaqEntry[]>> = {
  en: [
    {
      question: 'How do I reset my password?',
      answer: 'Open Settings > Security > Reset password and follow the link we email you.',
      keywords: ['reset', 'password', 'forgot'],
    },
    {
      question: 'How do I change my password?',
      answer: 'Sign in, open Settings > Security and choose Change password.',
      keywords: ['change', 'password'],
    },
    {
      question: 'What are your business hours?',
      answer: 'Our agents are available Monday to Friday, 09:00–18:00 (UTC+8).',
      keywords: ['hours', 'open', 'business', 'available'],
    },
    {
      question: 'How can I track my order?',
      answer: 'Open Orders in your account; each order shows its tracking number and status.',
      keywords: ['track', 'order', 'tracking', 'where'],
    },
    {
      question: 'How do I cancel my order?',
      answer: 'Orders can be cancelled from Orders > Cancel until they are shipped.',
      keywords: ['cancel', 'order'],
    },
    {
      question: 'How do I request a refund?',
      answer: 'Open Orders, pick the order and choose Request refund; refunds take 3–5 business days.',
      keywords: ['refund', 'money', 'return'],
    },
    {
      question: 'How long does shipping take?',
      answer: 'Standard shipping takes 2–4 days, express shipping 1 day.',
      keywords: ['shipping', 'delivery', 'long', 'ship'],
    },
    {
      question: 'How do I update my shipping address?',
      answer: 'Open Settings > Addresses to add or edit a shipping address.',
      keywords: ['address', 'shipping', 'update'],
    },
    {
      question: 'Which payment methods do you accept?',
      answer: 'We accept credit cards, debit cards and bank transfers.',
      keywords: ['payment', 'pay', 'card', 'methods'],
    },
    {
      question: 'How do I talk to a human agent?',
      answer: 'Choose "Transfer to agent" and the next free agent will join the chat.',
      keywords: ['agent', 'human', 'person', 'talk'],
    },
  ],
  zh: [
    {
      question: '如何重置密码？',
      answer: '请打开 设置 > 安全 > 重置密码，并点击我们发送到您邮箱的链接。',
      keywords: ['重置', '密码', '忘记'],
    },
    { question: '如何修改密码？', answer: '登录后打开 设置 > 安全，选择 修改密码。', keywords: ['修改', '密码'] },
    {
      question: '你们的营业时间是什么？',
      answer: '人工客服工作时间为周一至周五 09:00–18:00（北京时间）。',
      keywords: ['营业', '时间', '工作'],
    },
    { question: '如何查询订单物流？', answer: '打开 我的订单，每个订单都显示物流单号和状态。', keywords: ['订单', '物流', '查询'] },
    { question: '如何取消订单？', answer: '订单发货前可以在 我的订单 > 取消订单 中取消。', keywords: ['取消', '订单'] },
    { question: '如何申请退款？', answer: '打开 我的订单，选择订单并点击 申请退款，退款需要 3–5 个工作日。', keywords: ['退款', '退货'] },
    { question: '如何转人工客服？', answer: '请选择“转人工”，空闲的客服会加入对话。', keywords: ['人工', '客服'] },
  ],
};

/** The FAQ language of an AICC locale (`en`, `en_US`, `zh-CN` …), or `undefined` when the robot does not speak it. */
export function faqLanguageOf(locale: string): FaqLanguage | undefined {
  const language = locale.split(/[_-]/)[0]?.toLowerCase();
  return language === 'en' || language === 'zh' ? language : undefined;
}

/**
 * Up to `limit` FAQ questions containing `keyword` (case-insensitive), best first: questions that start with it,
 * then by how early it occurs. An empty keyword matches nothing.
 */
export function findPhrases(language: FaqLanguage, keyword: string, limit = 5): string[] {
  const needle = keyword.trim().toLowerCase();
  if (needle === '') return [];
  return FAQ_CATALOGUE[language]
    .map((entry, order) => ({ question: entry.question, position: entry.question.toLowerCase().indexOf(needle), order }))
    .filter((candidate) => candidate.position >= 0)
    .sort((a, b) => a.position - b.position || a.order - b.order)
    .slice(0, limit)
    .map((candidate) => candidate.question);
}

/** The robot's pick for a chat message: the best-matching FAQ entry and up to three other relevant questions. */
export interface FaqMatch {
  readonly entry: FaqEntry;
  readonly similarQuestions: readonly string[];
}

/** Finds the FAQ entry whose keywords occur most often in `text`, or `undefined` when none occurs. */
export function findAnswer(language: FaqLanguage, text: string): FaqMatch | undefined {
  const haystack = text.toLowerCase();
  const scored = FAQ_CATALOGUE[language]
    .map((entry, order) => ({ entry, order, score: entry.keywords.filter((keyword) => haystack.includes(keyword)).length }))
    .filter((candidate) => candidate.score > 0)
    .sort((a, b) => b.score - a.score || a.order - b.order);
  const best = scored[0];
  if (best === undefined) return undefined;
  return { entry: best.entry, similarQuestions: scored.slice(1, 4).map((candidate) => candidate.entry.question) };
}
