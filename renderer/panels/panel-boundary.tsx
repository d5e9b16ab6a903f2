import { Component, type ReactNode } from 'react';

interface Props {
  panelId: string;
  /** Changing it (new props, new size) gives a crashed panel another try. */
  resetKey: string;
  fallback: (message: string) => ReactNode;
  children: ReactNode;
}
interface State {
  error: Error | null;
  resetKey: string;
}

// One boundary per panel: a panel that throws shows its own error, the rest of the screen carries on.
export class PanelBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey === state.resetKey ? null : { error: null, resetKey: props.resetKey };
  }

  override componentDidCatch(error: Error): void {
    console.error(`panel ${this.props.panelId} failed to draw:`, error);
  }

  override render(): ReactNode {
    return this.state.error ? this.props.fallback(this.state.error.message) : this.props.children;
  }
}
