import { useState, type ReactNode } from 'react';
import { useT } from '../i18n/use-t.js';

// A file input in the page's language: the browser's own button reads "Choose File" / "No file chosen"
// whatever the page says, so the input is hidden (still focusable and keyboard-operable through its
// label) and the label draws the button and the chosen file's name.
export function FilePicker({ label, accept, disabled, testId, onFile, labelClassName }: { label: ReactNode; accept: string; disabled?: boolean; testId: string; onFile: (file: File) => void; labelClassName?: string }) {
  const t = useT();
  const [name, setName] = useState<string | null>(null);
  return (
    <label className={`file-picker${disabled ? ' file-picker--disabled' : ''}`}>
      <span className={labelClassName}>{label}</span>
      <input
        type="file"
        className="file-picker__input"
        accept={accept}
        disabled={disabled}
        data-testid={testId}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = ''; // the same file chosen again is read again
          if (!file) return;
          setName(file.name);
          onFile(file);
        }}
      />
      <span className="file-picker__button" aria-hidden="true">
        {t('file.choose')}
      </span>
      <span className="file-picker__name" data-testid={`${testId}-name`}>
        {name ?? t('file.none')}
      </span>
    </label>
  );
}
