import type { Feedback } from './use-action.js';

export function FeedbackView({ feedback, testId }: { feedback: Feedback | null; testId: string }) {
  if (!feedback) return null;
  return (
    <div className={`tech-feedback tech-feedback--${feedback.tone}`} role="alert" data-testid={testId} data-code={feedback.code ?? ''}>
      <ul>
        {feedback.lines.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
    </div>
  );
}
