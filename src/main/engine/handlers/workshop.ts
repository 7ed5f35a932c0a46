import type { HandlerTable } from './context';
import { deleteCommitment, listCommitments, saveCommitment } from '../workshop/commitments';
import { deleteView, listViews, saveView } from '../workshop/savedViews';
import {
  addGuess,
  clearGuesses,
  deleteStory,
  listStories,
  readStory,
  saveStory,
} from '../workshop/stories';

type WorkshopHandlers = Pick<
  HandlerTable,
  | 'views'
  | 'viewSave'
  | 'viewDelete'
  | 'stories'
  | 'story'
  | 'storySave'
  | 'storyDelete'
  | 'guessAdd'
  | 'guessClear'
  | 'commitments'
  | 'commitmentSave'
  | 'commitmentDelete'
>;

export const workshopHandlers: WorkshopHandlers = {
  views: async (_input, { ws }) => ({ views: await listViews(ws.conn) }),
  viewSave: async (input, { ws }) => saveView(ws.conn, input),
  viewDelete: async (input, { ws }) => ({ deleted: await deleteView(ws.conn, input.id) }),
  stories: async (_input, { ws }) => listStories(ws.conn),
  story: async (input, { ws }) => readStory(ws.conn, input.story),
  storySave: async (input, { ws }) => saveStory(ws.conn, input),
  storyDelete: async (input, { ws }) => ({ deleted: await deleteStory(ws.conn, input.story) }),
  guessAdd: async (input, { ws }) => addGuess(ws.conn, input),
  guessClear: async (input, { ws }) => ({ cleared: await clearGuesses(ws.conn, input) }),
  commitments: async (input, { ws }) => ({
    commitments: await listCommitments(ws.conn, input.story),
  }),
  commitmentSave: async (input, { ws }) => saveCommitment(ws.conn, input),
  commitmentDelete: async (input, { ws }) => ({
    deleted: await deleteCommitment(ws.conn, input.id),
  }),
};
