import { useState } from 'react';
import './editor.css';
import { LayoutEditorView } from './layout-editor.js';
import { LayoutLibrary } from './layout-library.js';
import type { EditorDoc } from './use-layout-editor.js';

// Layouts: the saved ones (and unsaved drafts), or one open in the editor.
export function LayoutsArea() {
  const [doc, setDoc] = useState<EditorDoc | null>(null);
  const [opened, setOpened] = useState(0);
  if (doc) return <LayoutEditorView key={opened} doc={doc} onClose={() => setDoc(null)} />;
  return (
    <LayoutLibrary
      onOpen={(d) => {
        setOpened((n) => n + 1);
        setDoc(d);
      }}
    />
  );
}
