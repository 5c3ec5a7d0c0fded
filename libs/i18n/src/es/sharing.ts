import type { SharingMessages } from '../en/sharing.js';
import { num } from './num.js';

export const sharing: SharingMessages = {
  materials: {
    title: 'Documentos',
    lead: 'Los documentos que los organizadores y facilitadores comparten con las personas de este evento.',
    none: 'Todavía no se ha compartido ningún documento.',
    eventWide: 'Para todo el evento',
    forSession: (title: string) => `Sesión: ${title}`,
    download: 'Descargar',
    downloadNamed: (title: string) => `Descargar ${title}`,
    size: (kb: number) =>
      kb >= 1024 ? `${(kb / 1024).toFixed(1).replace('.', ',')} MB` : `${num(kb)} KB`,
    types: {
      pdf: 'PDF',
      docx: 'Word',
      pptx: 'PowerPoint',
      xlsx: 'Excel',
      png: 'Imagen',
      jpg: 'Imagen',
    },
  },
  console: {
    title: 'Documentos',
    lead: 'Comparta la guía entregada en el encuentro, las presentaciones de los talleres y otros documentos. Solo los participantes y el equipo del evento pueden descargarlos.',
    uploadTitle: 'Compartir un documento',
    file: 'Archivo',
    fileHint: (mb: number) =>
      `PDF, Word, PowerPoint, Excel, PNG o JPEG, ${num(mb)} MB como máximo.`,
    docTitle: 'Título (opcional)',
    docTitleHint: 'Si lo deja vacío, se usa el nombre del archivo.',
    session: 'Sesión',
    wholeEvent: 'Todo el evento',
    upload: 'Compartir',
    remove: 'Eliminar',
    removeConfirm: '¿Eliminar este documento? Los participantes ya no podrán descargarlo.',
    listTitle: 'Documentos compartidos',
    fileRequired: 'Elija un archivo para compartir.',
    fileTooLarge: (mb: number) => `El archivo es demasiado grande: ${num(mb)} MB como máximo.`,
    fileType:
      'Este archivo no es un documento PDF, Word, PowerPoint, Excel, PNG o JPEG, diga lo que diga su nombre.',
  },
  people: {
    title: 'Quién viene',
    lead: 'Los participantes que eligieron aparecer aquí, para encontrar colegas antes del evento. Nunca se muestran correos ni teléfonos.',
    optInTitle: 'Mostrarme en el directorio',
    optInLabel:
      'Mostrar mi nombre, organización, país, profesión e idiomas a los demás participantes',
    optInHint:
      'Desactivado mientras no lo marque. Desmárquelo cuando quiera y desaparecerá al instante.',
    save: 'Guardar mi elección',
    listed: 'Usted aparece en el directorio.',
    notListed: 'Usted no aparece en el directorio.',
    none: 'Nadie ha elegido aparecer todavía.',
    count: (n: number) => (n === 1 ? '1 persona' : `${num(n)} personas`),
    you: '(usted)',
    languages: (list: string) => `Idiomas: ${list}`,
    materialsLink: 'Documentos compartidos para este evento',
    peopleLink: 'Quién viene',
  },
  flash: {
    uploaded: 'El documento se ha compartido.',
    removed: 'El documento se ha eliminado.',
    listed: 'Ahora aparece en el directorio.',
    unlisted: 'Ya no aparece en el directorio.',
  },
};
