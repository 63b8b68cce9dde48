import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { describe, expect, it, vi } from 'vitest';
import { LessonNote } from '../../src/app/components/reader/LessonNote.tsx';

const label = 'Ghi chú cho bài này (chỉ học viên xem được)';
const type = (value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });
const field = () => screen.getByLabelText<HTMLTextAreaElement>(label);

/** The note with its saved text held by the test, as the data layer would hand it down. */
function Harness({ onSave, expose }: { onSave: (text: string) => void; expose: (set: (text: string) => void) => void }) {
  const [saved, setSaved] = useState('');
  expose(setSaved);
  return <LessonNote saved={saved} onSave={onSave} />;
}

describe('the lesson note', () => {
  it('saves what was typed, trimmed, and then says it is saved', async () => {
    const onSave = vi.fn();
    let setSaved = (_: string) => {};
    render(<Harness onSave={onSave} expose={(set) => (setSaved = set)} />);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Lưu ghi chú' }).disabled).toBe(true);
    type('  Hỏi lại Sở.  ');
    fireEvent.click(screen.getByRole('button', { name: 'Lưu ghi chú' }));
    expect(onSave).toHaveBeenCalledWith('Hỏi lại Sở.');
    setSaved('Hỏi lại Sở.');
    await waitFor(() => expect(field().value).toBe('Hỏi lại Sở.'));
    expect(document.querySelector('.note-actions')?.textContent).toContain('Đã lưu ghi chú.');
  });

  it('shows a note saved on another device when the trainee is not editing', async () => {
    let setSaved = (_: string) => {};
    render(<Harness onSave={() => {}} expose={(set) => (setSaved = set)} />);
    setSaved('Từ máy tính bảng.');
    await waitFor(() => expect(field().value).toBe('Từ máy tính bảng.'));
  });

  // A new saved note draws the note at once but brings it into the field in an effect, which runs
  // after the next paint: typing in between must win, also over that effect's older render.
  it('keeps what the trainee types over a saved note that arrived just before', async () => {
    const onSave = vi.fn();
    let setSaved = (_: string) => {};
    render(<Harness onSave={onSave} expose={(set) => (setSaved = set)} />);
    setSaved('Từ máy tính bảng.');
    // Preact draws on a microtask; the effect waits for the frame.
    await Promise.resolve();
    expect(field().value).toBe('');
    type('Gõ trên điện thoại.');
    expect(field().value).toBe('Gõ trên điện thoại.');
    fireEvent.click(screen.getByRole('button', { name: 'Lưu ghi chú' }));
    expect(onSave).toHaveBeenLastCalledWith('Gõ trên điện thoại.');
  });
});
