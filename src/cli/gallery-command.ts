import { Command } from '@commander-js/extra-typings';
import { UsageError } from '../errors.js';
import { articleFigures, catalogFigures, writeGallery } from '../gallery.js';

export function galleryCommand() {
  return new Command('gallery')
    .description('write one figure per function in the catalog, and an index.png contact sheet of them all')
    .requiredOption('-o, --output <dir>', 'folder to write into (created if missing)')
    .option(
      '--article',
      "write exactly the article's six figures instead (softmax, softsign, softplus, ELU " +
        'α=1, PReLU α=0.05, binary step, over -20..20)',
    )
    .option(
      '--html',
      'also write each figure as an interactive page (elu.html beside elu.png), and index.html, ' +
        'a contact sheet linking them',
    )
    .addHelpText(
      'after',
      '\nExamples:\n  activ gallery -o gallery\n  activ gallery --article -o article\n  ' +
        'activ gallery --html -o gallery',
    )
    .action(async (options) => {
      const dir = options.output;
      if (dir === '' || dir === '-') throw new UsageError('--output needs a folder name');
      const article = options.article === true;
      await writeGallery(dir, article ? articleFigures() : catalogFigures(), !article, options.html === true);
    });
}
